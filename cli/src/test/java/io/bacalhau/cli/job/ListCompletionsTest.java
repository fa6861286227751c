package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion offers the values the list flags accept. */
class ListCompletionsTest {
  @TempDir Path dataDir;

  @Test
  void orderByAndEventTypeCompleteTheirValues() {
    CliRunner.Result script = new CliRunner(dataDir).run("completion", "bash");
    assertEquals(ExitCode.OK, script.exitCode(), script.toString());
    assertTrue(script.out().contains("(\"created_at\" \"modified_at\") # --order-by values"));
    assertTrue(script.out().contains("(\"time\") # --order-by values"));
    assertTrue(script.out().contains("(\"all\" \"job\" \"execution\") # --event-type values"));
  }
}
