package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bacalhau.core.errors.BacalhauException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer targets for what a user writes into configuration: a config file ({@code -c file.yaml} or
 * the data dir's own), and a {@code config set KEY=VALUE} / {@code -c KEY=VALUE} pair. A normal
 * build replays the inputs under {@code ConfigFuzzTestInputs}; {@code JAZZER_FUZZ=1} explores.
 *
 * <p>"Clear" here: a {@link BacalhauException} whose message names the config file (for a file) or
 * the key (for a value). Anything else escaping, or a loaded config whose typed getters then throw
 * (the node would fail at start instead of at load), is a finding.
 */
class ConfigFuzzTest {
  @TempDir static Path dir;

  @FuzzTest(maxDuration = "30s")
  void anyConfigFileLoadsOrIsRefusedNamingTheFile(byte[] content) throws IOException {
    Path file = dir.resolve("fuzz.yaml");
    Files.write(file, content);
    BacalhauConfig config;
    try {
      config = new ConfigLoader().load(inputs(List.of(file.toString())));
    } catch (BacalhauException e) {
      assertNamed(e, file.toString());
      return;
    }
    readEveryKey(config);
  }

  /** The input is the argument of {@code config set KEY=VALUE}, split at the first '='. */
  @FuzzTest(maxDuration = "30s")
  void anyConfigSetValueIsStoredOrRefusedNamingTheKey(byte[] input) {
    String arg = new String(input, StandardCharsets.UTF_8);
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      return; // the command refuses it before any parsing: a usage error
    }
    String keyText = arg.substring(0, eq);
    String value = arg.substring(eq + 1);
    ConfigKey key;
    Object parsed;
    try {
      key = ConfigCatalog.get().resolve(keyText);
      parsed = key.parse(value);
    } catch (BacalhauException e) {
      assertNamed(e, keyText.strip());
      return;
    }
    // What config set writes, the next command must load: set refuses (naming the key) or writes.
    Path file = dir.resolve("set.yaml");
    try {
      Files.deleteIfExists(file);
      ConfigFileEditor.set(file, key, parsed);
    } catch (BacalhauException e) {
      assertNamed(e, key.path());
      return;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    BacalhauConfig config = new ConfigLoader().load(inputs(List.of(file.toString())));
    readEveryKey(config);
  }

  private static ConfigInputs inputs(List<String> args) {
    return new ConfigInputs(
        Map.of("HOME", dir.toString()), dir, args, dir.resolve("data").toString(), null, null);
  }

  /** The getters the node and the CLI call at start-up, on every key of its type. */
  private static void readEveryKey(BacalhauConfig config) {
    config.asTree();
    for (ConfigKey key : ConfigCatalog.get().keys()) {
      assertNotNull(config.display(key));
      String k = key.path();
      switch (key.type()) {
        case BOOL -> config.bool(k);
        case INT, PORT -> config.integer(k, 0);
        case DURATION -> config.duration(k, Duration.ZERO);
        case LIST -> config.list(k);
        case MAP -> config.map(k);
        default -> config.string(k);
      }
    }
  }

  private static void assertNamed(BacalhauException e, String what) {
    String message = e.getMessage();
    assertNotNull(message);
    assertFalse(message.isBlank());
    if (!message
        .toLowerCase(java.util.Locale.ROOT)
        .contains(what.toLowerCase(java.util.Locale.ROOT))) {
      throw new AssertionError("error does not name '" + what + "': " + message, e);
    }
  }
}
