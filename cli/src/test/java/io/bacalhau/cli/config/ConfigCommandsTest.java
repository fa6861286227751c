package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.DefaultConfigFile;
import io.bacalhau.testing.Approvals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  /** What `bacalhau config list | grep -i disableanalytics` shows. */
  private String analyticsLine(CliRunner runner, String... globalArgs) {
    List<String> args = new java.util.ArrayList<>(List.of(globalArgs));
    args.addAll(List.of("config", "list"));
    CliRunner.Result r = runner.run(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    return r.out()
        .lines()
        .filter(l -> l.toLowerCase().contains("disableanalytics"))
        .findFirst()
        .orElseThrow()
        .strip();
  }

  @Test
  void eachOfTheFourAnalyticsOptOutRoutesShows() throws Exception {
    assertTrue(analyticsLine(cli).matches("DisableAnalytics\\s+false\\s+.*"));

    assertEquals(ExitCode.OK, cli.run("config", "set", "DisableAnalytics", "true").exitCode());
    assertTrue(analyticsLine(cli).matches("DisableAnalytics\\s+true\\s+.*"), "config set");
    Files.delete(dataDir.resolve("config.yaml"));

    CliRunner env = new CliRunner(dataDir).env("BACALHAU_DISABLEANALYTICS", "true");
    assertTrue(analyticsLine(env).matches("DisableAnalytics\\s+true\\s+.*"), "env var");

    // echo 'disableanalytics: true' >> ~/.bacalhau/config.yaml, onto a file that has settings
    Files.writeString(dataDir.resolve("config.yaml"), "# mine\nAPI:\n  Port: 1234\n");
    Files.writeString(
        dataDir.resolve("config.yaml"),
        "disableanalytics: true\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertTrue(analyticsLine(cli).matches("DisableAnalytics\\s+true\\s+.*"), "edited file");
    Files.delete(dataDir.resolve("config.yaml"));

    assertTrue(
        analyticsLine(cli, "--config=DisableAnalytics=true")
            .matches("DisableAnalytics\\s+true\\s+.*"),
        "--config flag");
  }

  @Test
  void setKeepsTheRestOfTheFileAndItsComments() throws Exception {
    Path file = dataDir.resolve("config.yaml");
    Files.writeString(file, "# mine\nAPI:\n  Port: 1 # old\nLabels: {a: b}\n");
    assertEquals(ExitCode.OK, cli.run("config", "set", "api.port=2").exitCode());
    assertEquals("# mine\nAPI:\n  Port: 2 # old\nLabels: {a: b}\n", Files.readString(file));
  }

  @Test
  void everyValueTypeRoundTrips() {
    String[][] cases = {
      {"API.Host", "10.0.0.1", "10.0.0.1"},
      {"API.Port", "4321", "4321"},
      {"WebUI.Enabled", "true", "true"},
      {"Compute.Heartbeat.Interval", "45s", "45s"},
      {"Compute.Orchestrators", "nats://a:1,nats://b:2", "nats://a:1,nats://b:2"},
      {"Labels", "zone=eu,tier=gold", "zone=eu,tier=gold"},
      {"Compute.AllocatedCapacity.Memory", "4Gb", "4Gb"},
    };
    for (String[] c : cases) {
      CliRunner.Result set = cli.run("config", "set", c[0] + "=" + c[1]);
      assertEquals(ExitCode.OK, set.exitCode(), set.toString());
      assertEquals(c[2], cli.run("config", "get", c[0].toLowerCase()).out().strip(), c[0]);
    }
  }

  @Test
  void anyIntOrStringThatSetAcceptsReadsBackEqual() {
    qt().withExamples(10)
        .forAll(integers().between(1, 65535), strings().basicLatinAlphabet().ofLengthBetween(1, 20))
        .checkAssert(
            (port, host) -> {
              String cleanHost = host.replaceAll("[,=\\s#'\"\\\\]", "x");
              assertEquals(ExitCode.OK, cli.run("config", "set", "API.Port=" + port).exitCode());
              assertEquals(
                  String.valueOf(port), cli.run("config", "get", "API.Port").out().strip());
              assertEquals(
                  ExitCode.OK, cli.run("config", "set", "API.Host=" + cleanHost).exitCode());
              assertEquals(
                  cleanHost,
                  cli.run("config", "get", "API.Host")
                      .out()
                      .stripTrailing()
                      .replaceFirst("^\\s+$", ""));
            });
  }

  @Test
  void listsRoundTripWhateverTheItems() {
    qt().withExamples(10)
        .forAll(lists().of(strings().allPossible().ofLengthBetween(1, 8)).ofSizeBetween(1, 4))
        .checkAssert(
            items -> {
              List<String> clean =
                  items.stream().map(s -> s.replaceAll("[,\\p{Cntrl}\\s\\p{Cs}]", "x")).toList();
              String joined = String.join(",", clean);
              String before = fileText();
              CliRunner.Result set = cli.run("config", "set", "Compute.Env.AllowList=" + joined);
              assertEquals(ExitCode.OK, set.exitCode(), set + before + fileText());
              assertEquals(joined, cli.run("config", "get", "Compute.Env.AllowList").out().strip());
            });
  }

  /** What a user can type as one list item: no commas, controls, blanks or broken surrogates. */
  private static String typable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              boolean bad =
                  cp == ','
                      || Character.isISOControl(cp)
                      || Character.isWhitespace(cp)
                      || Character.isSurrogate((char) cp) && cp <= 0xFFFF
                      || Character.getType(cp) == Character.UNASSIGNED;
              out.appendCodePoint(bad ? 'x' : cp);
            });
    return out.toString();
  }

  private String fileText() {
    try {
      return "\n--- config.yaml\n" + Files.readString(dataDir.resolve("config.yaml"));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void badInputIsAUsageErrorNamingWhatWouldWork() {
    CliRunner.Result unknown = cli.run("config", "set", "API.Prot=1");
    assertEquals(ExitCode.USAGE, unknown.exitCode());
    assertTrue(unknown.err().contains("did you mean API.Port?"), unknown.err());
    CliRunner.Result type = cli.run("config", "set", "WebUI.Enabled=maybe");
    assertEquals(ExitCode.USAGE, type.exitCode());
    assertTrue(type.err().contains("'maybe' is not true or false"), type.err());
    CliRunner.Result get = cli.run("config", "get", "Nope");
    assertEquals(ExitCode.USAGE, get.exitCode());
    CliRunner.Result flag = cli.run("-c", "Nope=1", "config", "list");
    assertEquals(ExitCode.USAGE, flag.exitCode());
  }

  @Test
  void secretsNeverPrint() {
    CliRunner withToken = new CliRunner(dataDir).env("BACALHAU_COMPUTE_AUTH_TOKEN", "hunter2");
    CliRunner.Result list = withToken.run("config", "list", "--output", "json");
    assertTrue(!list.out().contains("hunter2"), list.out());
    assertTrue(list.out().contains("********"), list.out());
    assertEquals("********", withToken.run("config", "get", "compute.auth.token").out().strip());
  }

  @Test
  void defaultListIsApproved() {
    Approvals.verify(
        "config-list",
        cli.env("BACALHAU_DIR", ConfigOutputTest.FIXED_DATA_DIR)
            .run("config", "list", "--no-style", "--wide")
            .out());
  }

  @Test
  void committedDefaultConfigMatchesTheCatalogue() throws Exception {
    Path committed =
        Path.of(System.getProperty("user.dir")).getParent().resolve("config/config.yaml");
    assertEquals(
        DefaultConfigFile.render(),
        Files.readString(committed),
        "regenerate with: bacalhau config default > config/config.yaml");
    assertEquals(DefaultConfigFile.render(), cli.run("config", "default").out());
  }
}
