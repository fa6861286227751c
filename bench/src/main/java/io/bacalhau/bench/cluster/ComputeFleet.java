package io.bacalhau.bench.cluster;

import io.bacalhau.core.compute.AdmissionControl;
import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.models.GpuInventory;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.transport.nats.link.LinkTls;
import io.bacalhau.transport.nats.node.ComputeSide;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Many compute nodes in one process, for the cluster scale benchmark: each is a real {@link
 * ComputeNode} (bidding, capacity, the noop engine) with a NATS connection and transport of its
 * own, so the orchestrator sees as many nodes and as much NATS traffic as from separate machines;
 * only the JVM is shared.
 *
 * <p>Arguments: NATS URL, token, how many nodes, their name prefix, a data folder, heartbeat.
 */
public final class ComputeFleet {
  private ComputeFleet() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String token = args[1];
    int count = Integer.parseInt(args[2]);
    String prefix = args[3];
    Path data = Path.of(args[4]);
    Duration heartbeat = Duration.parse("PT" + args[5]);
    ProviderRegistry registry = NodeProviders.open(NodeSetup.builtinOnly(data)).registry();
    // Enough room that capacity never limits a noop job: the benchmark measures the control plane.
    Resources capacity = new Resources(64, 256L << 30, 1L << 40, 0);
    List<AutoCloseable> open = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String name = prefix + i;
      ComputeSide side =
          ComputeSide.connect(
              new io.bacalhau.transport.nats.node.ComputeSettings(
                  List.of(url),
                  token,
                  heartbeat,
                  Duration.ofMinutes(1),
                  data.resolve(name),
                  LinkTls.NONE),
              name);
      ComputeNode node =
          new ComputeNode(
              registry,
              side.callback(),
              new ComputeSettings(
                  name,
                  Map.of("fleet", prefix),
                  capacity,
                  List.of(),
                  Map.of(),
                  data.resolve(name).resolve("executions"),
                  AdmissionControl.DEFAULTS,
                  GpuInventory.NONE),
              Clock.systemUTC());
      side.join(node::info, node);
      open.add(side);
    }
    System.out.println("fleet " + prefix + ": " + count + " compute nodes joined " + url);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    open.forEach(
                        c -> {
                          try {
                            c.close();
                          } catch (Exception e) {
                            // stopping anyway
                          }
                        })));
    Thread.currentThread().join();
  }
}
