package io.bacalhau.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Scrub;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.testing.Approvals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node commands on the embedded node: it is its own compute node, approved and connected, so it
 * lists, describes and filters as one; approving, rejecting or deleting it fails with reasons.
 */
class NodeCommandsTest {
  @TempDir Path dataDir;

  private CliRunner.Result run(String... args) {
    return new CliRunner(dataDir).run(args);
  }

  private String nodeId() throws Exception {
    CliRunner.Result list = run("node", "list", "--output", "json");
    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    JsonNode nodes = Codecs.json().readTree(list.out());
    assertEquals(1, nodes.size(), list.toString());
    return nodes.get(0).path("Info").path("NodeID").asText();
  }

  @Test
  void theEmbeddedNodeIsListedApprovedAndConnected() throws Exception {
    CliRunner.Result list = run("node", "list", "--show", "labels");
    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    Approvals.verify("node-list", Scrub.of(list.out()));

    CliRunner.Result wide = run("node", "list", "--show", "capacity,version,features");
    assertTrue(wide.out().contains(" CPU "), wide.toString());
    assertTrue(wide.out().contains("ENGINES"), wide.toString());
    assertTrue(wide.out().contains(" / "), wide.toString());
    assertTrue(wide.out().contains("noop"), wide.toString());

    // Not Bacalhau's: a cluster's heartbeat age and executions, asked for by name only.
    CliRunner.Result activity = run("node", "list", "--show", "activity");
    assertTrue(activity.out().contains("HEARTBEAT"), activity.toString());
    assertTrue(activity.out().contains("RUNNING"), activity.toString());
    assertTrue(!list.out().contains("HEARTBEAT"), list.toString());

    JsonNode node = Codecs.json().readTree(run("node", "list", "--output", "json").out()).get(0);
    assertEquals("APPROVED", node.path("Membership").asText());
    assertEquals("CONNECTED", node.path("Connection").asText());
    assertTrue(
        node.path("Info").path("BacalhauVersion").path("GitVersion").asText().startsWith("v"));
  }

  @Test
  void filtersKeepOnlyTheNodesThatMatch() throws Exception {
    String table = "--no-style";
    assertTrue(run("node", "list", table, "--filter-approval", "APPROVED").out().contains("n-"));
    assertTrue(!run("node", "list", table, "--filter-approval", "pending").out().contains("n-"));
    assertTrue(!run("node", "list", table, "--filter-status", "disconnected").out().contains("n-"));
    assertTrue(!run("node", "list", table, "--labels", "region=eu").out().contains("n-"));
    assertTrue(run("node", "list", table, "--labels", "!region").out().contains("n-"));
    assertTrue(
        run("node", "list", "--order-by", "available_cpu", "--limit", "1").out().contains("n-"));
  }

  @Test
  void badFlagValuesNameTheFlagAndWhatIsValid() {
    CliRunner.Result approval = run("node", "list", "--filter-approval", "maybe");
    assertEquals(ExitCode.USAGE, approval.exitCode(), approval.toString());
    assertTrue(approval.err().contains("--filter-approval 'maybe'"), approval.toString());
    assertTrue(approval.err().contains("approved, pending or rejected"), approval.toString());

    CliRunner.Result status = run("node", "list", "--filter-status", "up");
    assertEquals(ExitCode.USAGE, status.exitCode(), status.toString());
    assertTrue(status.err().contains("connected or disconnected"), status.toString());

    CliRunner.Result show = run("node", "list", "--show", "labels,colour");
    assertEquals(ExitCode.USAGE, show.exitCode(), show.toString());
    assertTrue(
        show.err().contains("--show 'colour'")
            && show.err().contains("labels, version, features, capacity"),
        show.toString());

    CliRunner.Result order = run("node", "list", "--order-by", "name");
    assertEquals(ExitCode.USAGE, order.exitCode(), order.toString());
    assertTrue(order.err().contains("available_memory"), order.toString());

    CliRunner.Result labels = run("node", "list", "--labels", "zone in (a,)");
    assertEquals(ExitCode.USAGE, labels.exitCode(), labels.toString());
    assertTrue(labels.err().contains("--labels"), labels.toString());
  }

  @Test
  void describeFindsTheNodeByPrefixAsYamlOrJson() throws Exception {
    String id = nodeId();
    CliRunner.Result yaml = run("node", "describe", id.substring(0, 6));
    assertEquals(ExitCode.OK, yaml.exitCode(), yaml.toString());
    assertTrue(yaml.out().contains("NodeID: " + id), yaml.toString());
    assertTrue(yaml.out().contains("Membership: APPROVED"), yaml.toString());

    CliRunner.Result json = run("node", "describe", id, "--output", "json");
    assertEquals(id, Codecs.json().readTree(json.out()).path("Info").path("NodeID").asText());

    CliRunner.Result missing = run("node", "describe", "n-nothere");
    assertEquals(ExitCode.ERROR, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("Error: node not found: n-nothere"), missing.toString());
    assertTrue(missing.err().contains("bacalhau node list"), missing.toString());
  }

  /**
   * A machine without GPUs offers none, and {@code node describe} says why: the GPU search's
   * outcome was only in the node's debug log, so a user whose {@code --gpu 1} job found no node
   * could not tell a missing {@code nvidia-smi} from a failing one. The test's PATH has none of the
   * tools.
   */
  @Test
  void describeOfANodeWithoutGpusSaysWhyItHasNone() throws Exception {
    CliRunner.Result yaml = run("node", "describe", nodeId());
    assertEquals(ExitCode.OK, yaml.exitCode(), yaml.toString());
    Approvals.verify("node-describe-no-gpus", machineFree(Scrub.json(yaml.out())));

    CliRunner.Result json = run("node", "describe", nodeId(), "--output", "json");
    assertEquals(
        "0 GPUs (no nvidia-smi, rocm-smi or xpu-smi on the PATH)",
        Codecs.json()
            .readTree(json.out())
            .path("Info")
            .path("ComputeNodeInfo")
            .path("GPUDiscovery")
            .asText());
  }

  /** This machine's capacity, build and platform, which the approved text cannot know. */
  private static String machineFree(String yaml) {
    return yaml.replaceAll(
        "(?m)^(\\s*(CPU|Memory|Disk|Major|Minor|GitVersion|GitCommit|BuildDate|GOOS|GOARCH"
            + "|name|os_type|os_arch): ).*$",
        "$1<this machine>");
  }

  @Test
  void approveRejectAndDeleteSayWhyTheyFailed() throws Exception {
    String id = nodeId();
    CliRunner.Result approve = run("node", "approve", id, "-m", "looks fine");
    assertEquals(ExitCode.ERROR, approve.exitCode(), approve.toString());
    assertTrue(
        approve.err().contains("Failed to approve node " + id + ": node " + id + " is already"),
        approve.toString());
    assertEquals("", approve.out());

    CliRunner.Result reject = run("node", "reject", id);
    assertEquals(ExitCode.ERROR, reject.exitCode(), reject.toString());
    assertTrue(reject.err().contains("Failed to reject node " + id), reject.toString());

    CliRunner.Result delete = run("node", "delete", "n-nothere");
    assertEquals(ExitCode.ERROR, delete.exitCode(), delete.toString());
    assertTrue(
        delete.err().contains("Failed to delete node n-nothere: node not found"),
        delete.toString());
  }
}
