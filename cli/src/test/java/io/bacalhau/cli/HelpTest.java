package io.bacalhau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.testing.Approvals;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The help users read for the job commands; a change to it shows as a diff of approved text. */
class HelpTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "help-root, --help",
    "help-job, job --help",
    "help-job-run, job run --help",
    "help-job-validate, job validate --help"
  })
  void helpMatchesApprovedText(String approved, String args) {
    CliRunner.Result result = new CliRunner(dataDir).run(args.split(" "));
    assertEquals(ExitCode.OK, result.exitCode(), result.toString());
    assertEquals("", result.err());
    Approvals.verify(approved, result.out());
  }
}
