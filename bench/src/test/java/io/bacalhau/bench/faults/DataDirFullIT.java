package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.bench.ServedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served node whose data dir's disk fills up (a tmpfs the test fills with a file): submissions
 * are refused with an error that says the disk is full and what to do, never a stack trace; a job
 * running when it fills fails its execution with that error and hint in its history; jobs
 * acknowledged before stay; once the file is deleted the node retries that job and runs new ones
 * without a restart.
 */
class DataDirFullIT {
  private static final String HINT = "Free space on that disk";

  @TempDir Path dir;

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void aFullDiskIsSaidWithAHintLosesNothingAndTheNodeRecoversWhenSpaceIsFreed() throws Exception {
    Mounts.requireMounting(dir);
    try (Mounts mounts = new Mounts()) {
      Path disk = mounts.tmpfs(dir.resolve("disk"), "128m");
      try (ServedNode node =
          ServedNode.start(Faults.dist(), disk.resolve("data"), dir.resolve("serve.log"))) {
        FaultApi api = new FaultApi(node.base());
        String before = api.acknowledged(FaultApi.noop("before", 0));
        assertEquals("Completed", api.awaitTerminal(before, Duration.ofSeconds(60)));
        String running = api.acknowledged(FaultApi.noop("running", 3000));
        api.await(running, "Running"::equals, Duration.ofSeconds(30));

        Path filler = Mounts.fill(disk);
        // SQLite may still have room in pages it holds: what it takes must survive too.
        List<String> acknowledgedWhileFull = new ArrayList<>();
        FaultApi.Answer refused = api.submit(FaultApi.noop("refused", 0));
        for (int i = 0; i < 50 && refused.status() == 200; i++) {
          acknowledgedWhileFull.add(refused.json().get("JobID").asText());
          refused = api.submit(FaultApi.noop("refused", 0));
        }
        assertNotEquals(200, refused.status(), refused.body());
        assertTrue(refused.json() != null, "a JSON error body: " + refused.body());
        assertTrue(
            refused.json().path("Message").asText().contains("no space left"), refused.body());
        assertTrue(refused.json().path("Hint").asText().contains(HINT), refused.body());
        assertFalse(refused.body().contains("at io.bacalhau"), "no stack trace: " + refused.body());
        Thread.sleep(5000); // the running job ends meanwhile, and cannot write its results

        Files.delete(filler);
        assertEquals("Completed", api.awaitTerminal(running, Duration.ofSeconds(90)));
        assertTrue(
            api.awaitHint(running, HINT, Duration.ofSeconds(10))
                .path("Event")
                .path("Message")
                .asText()
                .contains("no space left"),
            "the failed execution's event names the fault");
        assertEquals("Completed", api.state(before), "acknowledged before the fault, still there");
        for (String id : acknowledgedWhileFull) {
          assertEquals("Completed", api.awaitTerminal(id, Duration.ofSeconds(60)), id);
        }
        String after = api.acknowledged(FaultApi.noop("after", 0));
        assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(60)));
      }
      // The orchestrator's heartbeat fails every second while the disk is full. Regression: each
      // failure logged a stack trace; now the fault is logged once and its end is said.
      String log = Files.readString(dir.resolve("serve.log"));
      assertEquals(1, occurrences(log, "at io.bacalhau.core.store.Instances.heartbeat"), log);
      assertTrue(log.contains("works again, after"), log);
    }
  }
}
