package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.testing.Approvals;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the config commands print, and what they leave alone. */
class ConfigOutputTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  private String scrubbed(CliRunner.Result r) {
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    return r.out().replace(dataDir.toString(), "<DataDir>");
  }

  @Test
  void configHelpIsApproved() {
    Approvals.verify("config-help", scrubbed(cli.run("config", "--help")));
  }

  /**
   * Column widths follow the longest value, and DataDir is one, so the approved lists use a fixed
   * data dir. Listing never touches it, so it need not exist.
   */
  static final String FIXED_DATA_DIR = "/nonexistent/bacalhau-approvals";

  @Test
  void configListWithNoFlagsIsApproved() {
    CliRunner fixed = cli.env("BACALHAU_DIR", FIXED_DATA_DIR);
    Approvals.verify("config-list-default", scrubbed(fixed.run("config", "list")));
  }

  @Test
  void hideHeaderDropsOnlyTheHeader() {
    String full = scrubbed(cli.run("config", "list", "--no-style"));
    String bare = scrubbed(cli.run("config", "list", "--no-style", "--hide-header"));
    assertTrue(full.startsWith(" KEY"), full);
    assertTrue(bare.startsWith(" API.Auth.AccessPolicyPath"), bare);
  }

  @Test
  void jsonAndYamlListsHoldEveryKeyWithSecretsMasked() {
    CliRunner secret =
        cli.env("BACALHAU_ORCHESTRATOR_AUTH_TOKEN", "hunter2")
            .env("BACALHAU_ANALYTICS_HEADERS", "x-api-key=hunter2");
    String json = scrubbed(secret.run("config", "list", "--output", "json"));
    assertTrue(
        json.contains(
            "{\"Key\":\"API.Port\",\"Value\":\"1234\",\"Description\":\"Port of the API\"}"),
        json);
    String yaml = scrubbed(secret.run("config", "list", "--output", "yaml"));
    assertTrue(yaml.contains("DisableAnalytics: false"), yaml);
    for (String out : new String[] {json, yaml, scrubbed(secret.run("config", "list"))}) {
      assertFalse(out.contains("hunter2"), out);
      assertTrue(out.contains("********"), out);
    }
    assertEquals("********", secret.run("config", "get", "Analytics.Headers").out().strip());
  }

  @Test
  void listingConfigurationCreatesNothing() {
    Path fresh = dataDir.resolve("fresh");
    CliRunner elsewhere = cli.env("BACALHAU_DIR", fresh.toString());
    scrubbed(elsewhere.run("config", "list"));
    scrubbed(elsewhere.run("config", "get", "API.Port"));
    scrubbed(elsewhere.run("config", "default"));
    scrubbed(elsewhere.run("version"));
    assertFalse(Files.exists(fresh), "no data dir, store or plugin folder for read-only commands");
  }

  @Test
  void setCreatesTheDataDirAndFileAndSaysWhere() {
    Path fresh = dataDir.resolve("fresh");
    CliRunner.Result r =
        cli.env("BACALHAU_DIR", fresh.toString()).run("config", "set", "WebUI.Enabled=true");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Writing config to " + fresh.resolve("config.yaml")), r.err());
    assertTrue(Files.isRegularFile(fresh.resolve("config.yaml")));
  }

  @Test
  void theSpaceSeparatedFormWorksButSaysItIsDeprecated() {
    CliRunner.Result r =
        cli.run("config", "set", "Compute.Orchestrators", "nats://a:1", "nats://b:2");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.err().contains("DEPRECATED: use key=value"), r.err());
    assertEquals(
        "nats://a:1,nats://b:2", cli.run("config", "get", "Compute.Orchestrators").out().strip());
  }

  @Test
  void eachUnknownKeyInTheFileIsOneWarningAndTheRestLoads() throws Exception {
    Path file =
        Files.writeString(
            dataDir.resolve("config.yaml"),
            "API:\n  Port: 4444\nNode:\n  ClientAPI:\n    Host: x\nDisableAnalytic: true\n");
    CliRunner.Result r = cli.run("config", "get", "API.Port");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals("4444", r.out().strip());
    assertEquals(
        "Warning: config file "
            + file
            + " line 3: unknown key 'Node' ignored\n"
            + "Warning: config file "
            + file
            + " line 6: unknown key 'DisableAnalytic' ignored; did you mean DisableAnalytics?",
        r.err().strip());
  }

  @Test
  void aYamlSyntaxErrorNamesFileLineAndColumn() throws Exception {
    Path file = Files.writeString(dataDir.resolve("config.yaml"), "API:\n  Port: 1\n Host: [x\n");
    CliRunner.Result r = cli.run("config", "list");
    assertEquals(ExitCode.ERROR, r.exitCode(), r.toString());
    assertTrue(r.err().contains("config file " + file + ": line 3, column"), r.err());
  }

  @Test
  void badConfigFlagPathsAreRefused() throws Exception {
    Files.createDirectories(dataDir.resolve("dir.yaml"));
    Files.writeString(dataDir.resolve("settings.txt"), "API: {Port: 1}\n");
    CliRunner.Result dir = cli.run("-c", "dir.yaml", "config", "list");
    assertEquals(ExitCode.USAGE, dir.exitCode(), dir.toString());
    assertTrue(dir.err().contains("is a directory"), dir.err());
    CliRunner.Result suffix = cli.run("-c", "settings.txt", "config", "list");
    assertEquals(ExitCode.USAGE, suffix.exitCode(), suffix.toString());
    assertTrue(
        suffix.err().contains("config files must end in suffix '.yaml' or '.yml'"), suffix.err());
    CliRunner.Result missing = cli.run("-c", "missing.yaml", "config", "list");
    assertEquals(ExitCode.ERROR, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("config file not found"), missing.err());
    CliRunner.Result bare = cli.run("-c", "API.Port", "config", "list");
    assertEquals(ExitCode.USAGE, bare.exitCode(), bare.toString());
  }

  @Test
  void setWritesTheOneConfigFileGivenAndRefusesToGuessAmongSeveral() throws Exception {
    Path mine = Files.writeString(dataDir.resolve("mine.yaml"), "# mine\n");
    Path other = Files.writeString(dataDir.resolve("other.yaml"), "# other\n");
    assertEquals(
        ExitCode.OK, cli.run("-c", mine.toString(), "config", "set", "API.Port=5").exitCode());
    assertEquals("# mine\nAPI:\n  Port: 5\n", Files.readString(mine));
    assertFalse(Files.exists(dataDir.resolve("config.yaml")));
    CliRunner.Result both =
        cli.run("-c", mine.toString(), "-c", other.toString(), "config", "set", "API.Port=6");
    assertEquals(ExitCode.USAGE, both.exitCode(), both.toString());
    assertEquals("# other\n", Files.readString(other));
  }

  @Test
  void aPluginsOwnSettingCanBeSetAndRead() throws Exception {
    assertEquals(
        ExitCode.OK, cli.run("config", "set", "Engines.Types.Wasm.MaxMemory=64Mb").exitCode());
    assertEquals("64Mb", cli.run("config", "get", "engines.types.wasm.maxmemory").out().strip());
    CliRunner.Result typo = cli.run("config", "set", "Engines.Typs.Wasm.MaxMemory=1");
    assertEquals(ExitCode.USAGE, typo.exitCode(), typo.toString());
  }

  @Test
  void tabCompletionOffersEveryKeyAfterConfigFlag() {
    String script = scrubbed(cli.run("completion", "bash"));
    assertTrue(script.contains("API.Port="), "completion offers key=");
    assertTrue(script.contains("DisableAnalytics="), "completion offers key=");
  }

  @Test
  void settingDataDirInTheDataDirsOwnFileSaysItCannotMoveItButAMinusCFileCan() throws Exception {
    Path elsewhere = dataDir.resolve("elsewhere");
    CliRunner.Result r = cli.run("config", "set", "DataDir=" + elsewhere);
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.err().contains("does not move the data dir"), r.err());
    CliRunner.Result relative = cli.run("config", "set", "DataDir=relative/dir");
    assertEquals(ExitCode.USAGE, relative.exitCode(), relative.toString());

    Path settings = Files.writeString(dataDir.resolve("settings.yaml"), "");
    CliRunner noEnv = new CliRunner(dataDir).withoutEnv("BACALHAU_DIR");
    assertEquals(
        ExitCode.OK,
        noEnv.run("-c", settings.toString(), "config", "set", "DataDir=" + elsewhere).exitCode());
    assertEquals(
        elsewhere.toString(),
        noEnv.run("-c", settings.toString(), "config", "get", "DataDir").out().strip());
  }
}
