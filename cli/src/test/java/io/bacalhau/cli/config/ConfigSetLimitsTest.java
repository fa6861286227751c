package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What broke {@code config set} and config files: a newline in a value left a file no command could
 * read; ports -5 and 99999999999 were accepted; a binary, deeply nested or directory config.yaml
 * was reported without its name, or not at all.
 */
class ConfigSetLimitsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  private static void assertNoTrace(CliRunner.Result r) {
    assertFalse(r.err().contains("\tat "), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void aNewlineInAValueReadsBackAndLeavesTheFileReadable() throws Exception {
    String value = "x\nDisableAnalytics: true";
    CliRunner.Result set = cli.run("config", "set", "JobAdmissionControl.ProbeExec=" + value);
    assertEquals(ExitCode.OK, set.exitCode(), set.toString());

    CliRunner.Result list = cli.run("job", "list");
    assertEquals(ExitCode.OK, list.exitCode(), list + Files.readString(configFile()));
    CliRunner.Result get = cli.run("config", "get", "JobAdmissionControl.ProbeExec");
    assertEquals(value + "\n", get.out(), get.toString());
    assertEquals(
        "false\n", cli.run("config", "get", "DisableAnalytics").out(), "no key was injected");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "65536", "99999999999"})
  void portsOutsideOneTo65535AreRefused(String port) {
    CliRunner.Result set = cli.run("config", "set", "API.Port=" + port);
    assertEquals(ExitCode.USAGE, set.exitCode(), set.toString());
    assertTrue(
        set.err()
            .contains(
                "Error: config key API.Port: '" + port + "' is not a port number from 1 to 65535"),
        set.toString());
    assertFalse(Files.exists(configFile()), "nothing written");
    assertNoTrace(set);
  }

  @Test
  void apiPortFlagOutsideOneTo65535IsAUsageError() {
    CliRunner.Result r = cli.run("--api-port", "0", "job", "list");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--api-port: '0' is not a port number from 1 to 65535"), r.err());
  }

  @Test
  void aBinaryConfigFileIsNamed() throws Exception {
    Files.write(configFile(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    for (String[] args : new String[][] {{"job", "list"}, {"config", "set", "API.Port=5"}}) {
      CliRunner.Result r = cli.run(args);
      assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
      assertTrue(
          r.err().contains("config file " + configFile() + " is not UTF-8 text"), r.toString());
      assertNoTrace(r);
    }
  }

  @Test
  void aDeeplyNestedConfigFileIsNamed() throws Exception {
    Files.writeString(configFile(), "[".repeat(60) + "]".repeat(60));
    CliRunner.Result r = cli.run("job", "list");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertTrue(r.err().contains("config file " + configFile() + ": Nesting Depth"), r.toString());
    assertNoTrace(r);
  }

  @Test
  void aConfigFileThatIsADirectoryIsAnError() throws Exception {
    Files.createDirectories(configFile());
    CliRunner.Result r = cli.run("job", "list");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertTrue(r.err().contains("config file " + configFile() + " is a directory"), r.toString());
    assertNoTrace(r);
  }

  private Path configFile() {
    return dataDir.resolve("config.yaml");
  }
}
