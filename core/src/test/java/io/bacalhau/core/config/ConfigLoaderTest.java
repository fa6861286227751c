package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path home;

  private BacalhauConfig load(Map<String, String> env, List<String> args, String apiHost) {
    Map<String, String> all = new HashMap<>(env);
    all.put("HOME", home.toString());
    return new ConfigLoader().load(new ConfigInputs(all, home, args, null, apiHost, null));
  }

  private Path dataDirFile(String yaml) throws Exception {
    Path file = home.resolve(".bacalhau/config.yaml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, yaml);
  }

  @Test
  void defaultsApplyWithNothingElse() {
    BacalhauConfig c = load(Map.of(), List.of(), null);
    assertEquals(1234, c.value("api.port"));
    assertEquals(home.resolve(".bacalhau"), c.dataDir());
    assertEquals(home.resolve(".bacalhau/plugins").toString(), c.string("Plugins.Dir"));
    assertEquals(Duration.ofMinutes(5), c.duration("InputSources.ReadTimeout", Duration.ZERO));
  }

  @Test
  void eachLayerBeatsTheOneBelow() throws Exception {
    dataDirFile("API:\n  Host: from-file\n");
    assertEquals("from-file", load(Map.of(), List.of(), null).string("API.Host"));
    assertEquals(
        "from-env",
        load(Map.of("BACALHAU_API_HOST", "from-env"), List.of(), null).string("API.Host"));
    assertEquals(
        "from-flag",
        load(Map.of("BACALHAU_API_HOST", "from-env"), List.of(), "from-flag").string("API.Host"));
    assertEquals(
        "from-override",
        load(Map.of("BACALHAU_API_HOST", "e"), List.of("API.Host=from-override"), null)
            .string("API.Host"));
  }

  @Test
  void laterConfigFilesWinAndReplaceTheDataDirFile() throws Exception {
    dataDirFile("API:\n  Port: 1\n  Host: data-dir-file\n");
    Path a = Files.writeString(home.resolve("a.yaml"), "API:\n  Port: 2\n");
    Path b = Files.writeString(home.resolve("b.yml"), "api:\n  port: 3\n");
    BacalhauConfig c = load(Map.of(), List.of(a.toString(), b.toString()), null);
    assertEquals(3, c.value("API.Port"));
    assertEquals(
        "127.0.0.1", c.string("API.Host"), "the data dir's file is not read when -c files are");
  }

  @Test
  void overrideAndItsDedicatedFlagTogetherAreAnError() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("API.Host=x"), "y"));
    assertTrue(e.getMessage().contains("cannot both be provided"), e.getMessage());
  }

  @Test
  void unknownOverrideKeySuggestsTheClosest() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("API.Prot=1"), null));
    assertTrue(e.getMessage().contains("did you mean API.Port?"), e.getMessage());
    assertTrue(e.details().containsKey(ConfigProblems.USAGE));
  }

  @Test
  void bareBooleanKeyMeansTrueAndOtherBareKeysAreRefused() {
    assertTrue(load(Map.of(), List.of("disableanalytics"), null).bool("DisableAnalytics"));
    assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("API.Port"), null));
  }

  @Test
  void unknownKeyInAFileIsAWarningWithLineAndTheRestLoads() throws Exception {
    dataDirFile("API:\n  Port: 99\nNode:\n  ClientAPI: old\n");
    BacalhauConfig c = load(Map.of(), List.of(), null);
    assertEquals(99, c.value("API.Port"));
    assertEquals(1, c.warnings().size(), c.warnings().toString());
    assertTrue(c.warnings().get(0).contains("line 3: unknown key 'Node'"), c.warnings().toString());
  }

  @Test
  void yamlSyntaxErrorNamesFileLineAndColumn() throws Exception {
    Path file = dataDirFile("API:\n  Port: [1\n");
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of(), null));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*line \\d+, column \\d+.*"), e.getMessage());
  }

  @Test
  void wrongTypeInAFileNamesKeyValueAndType() throws Exception {
    dataDirFile("API:\n  Port: lots\n");
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of(), null));
    assertTrue(
        e.getMessage().contains("line 2: config key API.Port: 'lots' is not a port number"),
        e.getMessage());
  }

  @Test
  void badConfigPathsGetTheirOwnErrors() throws Exception {
    Files.createDirectories(home.resolve("dir.yaml"));
    Files.writeString(home.resolve("settings.txt"), "API: {Port: 1}\n");
    assertTrue(
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("dir.yaml"), null))
            .getMessage()
            .contains("is a directory"));
    assertTrue(
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("missing.yaml"), null))
            .getMessage()
            .contains("not found"));
    assertTrue(
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of("settings.txt"), null))
            .getMessage()
            .contains("must end in suffix '.yaml' or '.yml'"));
  }

  @Test
  void dataDirComesFromTheEnvironmentAndItsConfigFileIsRead() throws Exception {
    Path other = home.resolve("elsewhere");
    Files.createDirectories(other);
    Files.writeString(other.resolve("config.yaml"), "Labels: {zone: b}\n");
    BacalhauConfig c = load(Map.of("BACALHAU_DIR", other.toString()), List.of(), null);
    assertEquals(other, c.dataDir());
    assertEquals(Map.of("zone", "b"), c.map("Labels"));
  }

  @Test
  void sectionsBindToRecordsWhateverTheCase() throws Exception {
    dataDirFile("publishers:\n  types:\n    local:\n      port: 7777\n");
    record Local(int Port, String Address) {}
    Local local = load(Map.of(), List.of(), null).bind("Publishers.Types.Local", Local.class);
    assertEquals(7777, local.Port());
    assertEquals("127.0.0.1", local.Address());
  }

  @Test
  void secretsAreMasked() {
    BacalhauConfig c = load(Map.of("BACALHAU_ORCHESTRATOR_AUTH_TOKEN", "s3cr3t"), List.of(), null);
    ConfigKey token = ConfigCatalog.get().require("Orchestrator.Auth.Token");
    assertEquals(BacalhauConfig.MASK, c.display(token));
    assertTrue(!c.asTree().toString().contains("s3cr3t"), c.asTree().toString());
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> load(Map.of("BACALHAU_API_PORT", "high"), List.of(), null));
    assertEquals(
        "environment variable BACALHAU_API_PORT: config key API.Port: 'high' is not a port number"
            + " from 1 to 65535",
        e.getMessage());
  }

  @Test
  void dataDirEnvironmentAliasesAndOverrideOrder() throws Exception {
    Path a = home.resolve("a");
    Path b = home.resolve("b");
    assertEquals(a, load(Map.of("BACALHAU_DATADIR", a.toString()), List.of(), null).dataDir());
    assertEquals(
        b,
        load(
                Map.of("BACALHAU_DATADIR", a.toString(), "BACALHAU_DIR", b.toString()),
                List.of(),
                null)
            .dataDir(),
        "BACALHAU_DIR is the documented name");
    assertEquals(
        a,
        load(Map.of("BACALHAU_DIR", b.toString()), List.of("DataDir=" + a), null).dataDir(),
        "-c DataDir= beats the environment");
    assertEquals(
        home.resolve("rel"), load(Map.of("BACALHAU_DIR", "rel"), List.of(), null).dataDir());
    assertEquals(home.resolve("t"), load(Map.of("BACALHAU_DIR", "~/t"), List.of(), null).dataDir());
  }

  @Test
  void aPluginsOwnSettingsBindWithGoDurationsAndCommandLineOverrides() throws Exception {
    dataDirFile("Engines:\n  Types:\n    Wasm:\n      Timeout: 1m30s\n      MaxPages: 16\n");
    record Wasm(java.time.Duration Timeout, int MaxPages, boolean Strict) {}
    Wasm wasm =
        load(Map.of(), List.of("engines.types.wasm.strict=true"), null)
            .bind("Engines.Types.Wasm", Wasm.class);
    assertEquals(new Wasm(Duration.ofSeconds(90), 16, true), wasm);
  }

  @Test
  void aSectionThatDoesNotFitItsRecordNamesTheSection() throws Exception {
    dataDirFile("Engines:\n  Types:\n    Wasm:\n      Timeout: forever\n");
    record Wasm(java.time.Duration Timeout) {}
    BacalhauConfig c = load(Map.of(), List.of(), null);
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> c.bind("Engines.Types.Wasm", Wasm.class));
    assertTrue(e.getMessage().startsWith("config section Engines.Types.Wasm"), e.getMessage());
    assertTrue(e.getMessage().contains("forever"), e.getMessage());
  }

  @Test
  void setCannotGuessWhichOfSeveralConfigFilesToChange() throws Exception {
    Path a = Files.writeString(home.resolve("a.yaml"), "API: {Port: 2}\n");
    Path b = Files.writeString(home.resolve("b.yaml"), "API: {Port: 3}\n");
    assertEquals(a, load(Map.of(), List.of(a.toString()), null).writeTarget());
    assertEquals(
        home.resolve(".bacalhau/config.yaml"), load(Map.of(), List.of(), null).writeTarget());
    BacalhauConfig both = load(Map.of(), List.of(a.toString(), b.toString()), null);
    assertThrows(BacalhauException.class, both::writeTarget);
  }

  @Test
  void loadingWritesNothing() {
    load(Map.of("BACALHAU_DIR", home.resolve("fresh").toString()), List.of(), null);
    assertTrue(!Files.exists(home.resolve("fresh")), "the data dir is created only when needed");
  }

  @Test
  void choicesAreCheckedCaseBlindAndStoredAsSpelledInTheCatalogue() throws Exception {
    assertEquals(
        "debug", load(Map.of(), List.of("Logging.Level=DEBUG"), null).string("Logging.Level"));
    BacalhauException e =
        assertThrows(
            BacalhauException.class, () -> load(Map.of(), List.of("Logging.Level=loud"), null));
    assertEquals(
        "config key Logging.Level: 'loud' is not one of trace, debug, info, warn, error, fatal,"
            + " panic",
        e.getMessage());
    dataDirFile("JobAdmissionControl:\n  Locality: nowhere\n");
    assertTrue(
        assertThrows(BacalhauException.class, () -> load(Map.of(), List.of(), null))
            .getMessage()
            .contains("'nowhere' is not one of local, anywhere"));
  }

  @Test
  void logLevelAliasIsUsedWhenItIsOneOfOurLevels() {
    assertEquals(
        "warn", load(Map.of("LOG_LEVEL", "WARN"), List.of(), null).string("Logging.Level"));
    assertEquals(
        "info", load(Map.of("LOG_LEVEL", "verbose"), List.of(), null).string("Logging.Level"));
    assertEquals(
        "error",
        load(Map.of("LOG_LEVEL", "warn", "BACALHAU_LOGGING_LEVEL", "error"), List.of(), null)
            .string("Logging.Level"));
  }

  @Test
  void aConfigFileWhosePathHoldsAnEqualsSignIsAFileAndAYamlValueIsAValue() throws Exception {
    Path dir = Files.createDirectories(home.resolve("env=prod"));
    Files.writeString(dir.resolve("config.yaml"), "API: {Port: 4242}\n");
    assertEquals(4242, load(Map.of(), List.of("env=prod/config.yaml"), null).value("API.Port"));
    assertEquals(
        "results.yaml",
        load(Map.of(), List.of("Publishers.Types.S3Managed.Key=results.yaml"), null)
            .string("Publishers.Types.S3Managed.Key"));
  }
}
