package io.bacalhau.core.compute;

import static io.bacalhau.core.compute.OneCpuNode.execution;
import static io.bacalhau.core.compute.OneCpuNode.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Job;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a compute node waits for the runs it stops: they still clean up and report, and what they
 * use (engines, folders) is closed right after the node. It used to return at once, so a served
 * node's engines closed under runs still stopping (a Docker container was left behind) and a queued
 * execution could start while the node closed.
 */
class NodeCloseTest {
  @TempDir Path dataDir;

  @Test
  void closeReturnsOnceItsStoppedRunsHaveEndedAndStartsNothingThatWaits() throws Exception {
    OneCpuNode n = new OneCpuNode(dataDir);
    ComputeNode node = n.node;
    List<String> reports = n.reports;
    Job running = job("running", 60_000);
    node.bidAccepted(running, execution("e-running", running));
    Job waiting = job("waiting", 60_000);
    node.bidAccepted(waiting, execution("e-waiting", waiting));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!reports.contains("running e-running") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(reports.contains("running e-running"), reports.toString());

    node.close();

    assertTrue(
        reports.stream().anyMatch(r -> r.endsWith(" e-running") && !r.startsWith("running")),
        "the stopped run had not reported its end when close returned: " + reports);
    assertEquals(
        List.of(),
        reports.stream().filter(r -> r.endsWith(" e-waiting")).toList(),
        "an execution that waited for capacity started while the node closed");
  }
}
