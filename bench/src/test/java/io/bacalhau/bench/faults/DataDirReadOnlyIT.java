package io.bacalhau.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.bench.ServedNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served node whose data dir becomes read-only under it (a read-only bind mount over the folder,
 * as an operator's remount; root ignores chmod): a job submitted then fails its execution with an
 * error that names the read-only folder and a hint, jobs acknowledged before stay, and once the
 * folder is writable again new jobs run without a restart.
 */
class DataDirReadOnlyIT {
  private static final String HINT = "Remount it read-write";

  @TempDir Path dir;

  @Test
  void aReadOnlyDataDirIsSaidWithAHintLosesNothingAndTheNodeRecovers() throws Exception {
    Mounts.requireMounting(dir);
    Path data = Files.createDirectories(dir.resolve("data"));
    try (Mounts mounts = new Mounts();
        ServedNode node = ServedNode.start(Faults.dist(), data, dir.resolve("serve.log"))) {
      FaultApi api = new FaultApi(node.base());
      String before = api.acknowledged(FaultApi.noop("before", 0));
      assertEquals("Completed", api.awaitTerminal(before, Duration.ofSeconds(60)));

      mounts.readOnly(data);
      FaultApi.Answer during = api.submit(FaultApi.noop("during", 0));
      if (during.status() == 200) {
        // The job store's files were open before: it still writes. The execution cannot.
        String id = during.json().get("JobID").asText();
        assertTrue(
            api.awaitHint(id, HINT, Duration.ofSeconds(60))
                .path("Event")
                .path("Message")
                .asText()
                .contains("read-only file system"),
            "the failed execution's event names the fault");
      } else {
        assertTrue(during.json().path("Hint").asText().contains(HINT), during.body());
      }

      mounts.uncover(data);
      assertEquals("Completed", api.state(before), "acknowledged before the fault, still there");
      String after = api.acknowledged(FaultApi.noop("after", 0));
      assertEquals("Completed", api.awaitTerminal(after, Duration.ofSeconds(60)));
    }
  }
}
