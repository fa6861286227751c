package io.bacalhau.cli.serve;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.node.LocalNode;
import io.bacalhau.core.node.LogStreamWire;
import io.bacalhau.core.node.NodeCluster;
import io.bacalhau.core.node.NodeRoles;
import io.bacalhau.core.node.RemoteExecutionLogs;
import io.bacalhau.server.ComputeLogs;
import io.bacalhau.transport.nats.node.ComputeSettings;
import io.bacalhau.transport.nats.node.ComputeSide;
import io.bacalhau.transport.nats.node.OrchestratorSettings;
import io.bacalhau.transport.nats.node.OrchestratorSide;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The part of {@code serve} that talks NATS, and the only class of the CLI that uses the transport:
 * an orchestrator's broker and registry, or a compute node's link to its orchestrator. Built before
 * the node (the node's cluster wiring needs it), attached once the node exists.
 */
final class ClusterServing implements AutoCloseable {
  private final OrchestratorSide orchestrator;
  private final ComputeSide compute;
  private final NodeCluster cluster;
  private final String computeToken;
  private final List<String> orchestratorUrls;

  private ClusterServing(
      OrchestratorSide orchestrator,
      ComputeSide compute,
      NodeCluster cluster,
      String computeToken,
      List<String> orchestratorUrls) {
    this.orchestrator = orchestrator;
    this.compute = compute;
    this.cluster = cluster;
    this.computeToken = computeToken;
    this.orchestratorUrls = orchestratorUrls;
  }

  /**
   * Whether a node of these roles takes part in a cluster: always for one role alone; for a hybrid
   * only when an orchestrator network key is set, so that the default node stays on its own.
   */
  static boolean wanted(NodeRoles roles, BacalhauConfig config) {
    return !roles.isHybrid() || OrchestratorSettings.configured(config);
  }

  /**
   * Starts the broker (orchestrator, hybrid) or connects to {@code Compute.Orchestrators}
   * (compute), failing with an error that names the missing binary, the busy port, the unreachable
   * URL or the refused token.
   */
  static ClusterServing open(NodeRoles roles, BacalhauConfig config, String nodeId) {
    if (roles.orchestrator()) {
      OrchestratorSettings settings = OrchestratorSettings.from(config);
      OrchestratorSide side = OrchestratorSide.start(settings);
      // job logs of an execution on a compute node are read from that node, with the token.
      NodeCluster cluster =
          NodeCluster.orchestrator(roles, side.directory(), side::channel)
              .withLogs(new RemoteExecutionLogs(side.directory(), settings.token()));
      return new ClusterServing(side, null, cluster, "", List.of());
    }
    ComputeSettings settings = ComputeSettings.from(config);
    ComputeSide side = ComputeSide.connect(settings, nodeId);
    return new ClusterServing(
        null,
        side,
        NodeCluster.compute(side.callback()),
        settings.token(),
        settings.orchestrators());
  }

  /**
   * A compute-only node's executions' output, for its orchestrator to read on the results listener;
   * streamed while the execution runs or waits here. A hybrid reads its own from disk.
   */
  Optional<ComputeLogs> computeLogs(LocalNode node, Path executionsDir) {
    if (compute == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ComputeLogs(
            computeToken,
            (id, outFrom, errFrom, follow, body) ->
                LogStreamWire.serve(
                    executionsDir,
                    id,
                    outFrom,
                    errFrom,
                    follow,
                    () -> !node.compute().isActive(id),
                    body)));
  }

  NodeCluster cluster() {
    return cluster;
  }

  /**
   * Hands the node to the transport: reports to the orchestrator, or joins as a compute node that
   * advertises {@code address} (its results listener, where its orchestrator reads its logs).
   */
  void attach(LocalNode node, String address, PrintStream err) {
    if (orchestrator != null) {
      orchestrator.bind(node.orchestrator());
      err.println(
          "Orchestrator accepting compute nodes at "
              + orchestrator.advertisedUrl()
              + " (Compute.Orchestrators of the compute nodes)");
    } else {
      unreachable(address, orchestratorUrls).ifPresent(w -> err.println("Warning: " + w));
      compute.join(() -> withAddress(node.info(), address), node.compute());
      err.println(
          "Compute node " + node.nodeId() + " joined its orchestrator; serving until stopped");
    }
  }

  /**
   * Why an orchestrator on another machine could not read this node's logs and results: the node
   * advertises a loopback address (the default {@code Publishers.Types.Local.Address}) while an
   * orchestrator it joins is not on loopback.
   */
  static Optional<String> unreachable(String address, List<String> orchestrators) {
    if (address.isBlank() || !isLoopback(URI.create(address).getHost())) {
      return Optional.empty();
    }
    return orchestrators.stream()
        .filter(url -> !isLoopback(URI.create(url).getHost()))
        .findFirst()
        .map(
            url ->
                "this node's logs and local-publisher results are served at "
                    + address
                    + ", which the orchestrator at "
                    + url
                    + " and its clients cannot reach from another machine; set"
                    + " Publishers.Types.Local.Address to an address of this machine they can"
                    + " reach.");
  }

  private static boolean isLoopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static NodeInfo withAddress(NodeInfo info, String address) {
    return new NodeInfo(
        info.nodeId(),
        info.nodeType(),
        info.labels(),
        info.supportedProtocols(),
        info.computeNodeInfo().withAddress(address),
        info.bacalhauVersion());
  }

  @Override
  public void close() {
    if (compute != null) {
      compute.close();
    }
    if (orchestrator != null) {
      orchestrator.close();
    }
  }
}
