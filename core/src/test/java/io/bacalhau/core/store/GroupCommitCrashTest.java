package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit keeps the durability promise: a node process taking a burst of concurrent
 * submissions is killed with SIGKILL mid-burst, and after a restart every job it acknowledged is in
 * the store and reaches a terminal state (none is lost, none stays stuck).
 */
class GroupCommitCrashTest {
  private static final Pattern ACK = Pattern.compile("ACK (j-[0-9a-f-]{36})");

  @TempDir Path dataDir;

  @Test
  void everyJobAcknowledgedBeforeAKillDuringABurstIsStoredAndFinishes() throws Exception {
    Set<String> acknowledged = new LinkedHashSet<>();
    Process child = start(8);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = ACK.matcher(line);
        if (m.matches()) {
          acknowledged.add(m.group(1));
        }
        if (acknowledged.size() == 300) {
          // SIGKILL while the submitters are still going; through the handle, as Process's own
          // destroy closes the pipe, and acknowledgements still in it count too.
          child.toHandle().destroyForcibly();
        }
      }
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not exit");
    }
    assertTrue(acknowledged.size() >= 300, "acknowledged before the kill: " + acknowledged.size());

    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      Map<String, Job> stored =
          client.list(JobQuery.all()).stream()
              .collect(Collectors.toMap(Job::id, Function.identity()));
      List<String> lost = new ArrayList<>(acknowledged);
      lost.removeAll(stored.keySet());
      assertEquals(List.of(), lost, "acknowledged jobs missing after the crash");

      client.startWorking();
      for (String id : stored.keySet()) {
        Job done = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(60));
        assertEquals(JobStateType.COMPLETED, done.stateType(), id);
      }
    }
  }

  private Process start(int threads) throws java.io.IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BurstSubmitter.class.getName());
    command.add(dataDir.toString());
    command.add(String.valueOf(threads));
    return new ProcessBuilder(command).redirectError(dataDir.resolve("child.err").toFile()).start();
  }
}
