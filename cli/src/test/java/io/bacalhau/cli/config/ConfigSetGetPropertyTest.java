package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigCatalog;
import io.bacalhau.core.config.ConfigKey;
import io.bacalhau.core.config.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Any key and value that {@code config set} accepts reads back equal through {@code config get},
 * and whatever it refuses is a usage error naming the key. All examples edit one file in turn, so
 * the file must stay loadable through every edit.
 */
class ConfigSetGetPropertyTest {
  @TempDir Path dataDir;

  private static final List<ConfigKey> KEYS =
      ConfigCatalog.get().keys().stream().filter(k -> !k.path().equals("DataDir")).toList();

  /** Text a user might type: valid values of each type, YAML look-alikes and plain noise. */
  private static Gen<String> texts() {
    Gen<String> yamlish =
        Generate.pick(
            List.of(
                "",
                " ",
                "yes",
                "no",
                "~",
                "null",
                "0x1F",
                "1.0",
                "1e3",
                "-",
                "- a",
                "a: b",
                "#x",
                "x #y",
                "'q'",
                "\"dq\"",
                "[a]",
                "{a: b}",
                "*ref",
                "&anchor",
                "!tag",
                "%",
                "@",
                "`",
                "a\\b",
                " lead",
                "trail ",
                "k=v,k2=v2",
                "a,b,,c",
                "=v",
                "k=",
                "30s",
                "1h30m",
                "0",
                "500m",
                "80%",
                "4Gb",
                "true",
                "FALSE",
                "007",
                "+5",
                "2147483648",
                "nats://a:1,nats://b:2",
                "ünïcödé",
                "日本",
                "🐟",
                "DEBUG",
                "Json",
                "grpc",
                "hostname",
                "local",
                "x\nDisableAnalytics: true",
                "a\r\n  b",
                "bell\u0007",
                "65536",
                "-5",
                "876601h"));
    Gen<String> noise = strings().basicLatinAlphabet().ofLengthBetween(0, 12);
    Gen<String> wide = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 6);
    Gen<String> numbers = integers().between(-100000, 100000).map((Integer i) -> String.valueOf(i));
    Gen<String> items =
        lists()
            .of(strings().basicLatinAlphabet().ofLengthBetween(0, 5))
            .ofSizeBetween(1, 3)
            .map((List<String> l) -> String.join(",", l));
    return Generate.oneOf(yamlish, noise, wide, numbers, items);
  }

  @Test
  void whatSetAcceptsGetReturns() {
    CliRunner cli = new CliRunner(dataDir);
    qt().withExamples(100)
        .forAll(Generate.pick(KEYS), texts())
        .checkAssert(
            (key, text) -> {
              CliRunner.Result set = cli.run("config", "set", key.path() + "=" + text);
              if (set.exitCode() == ExitCode.USAGE) {
                assertTrue(set.err().contains(key.path()), set + fileText());
                return;
              }
              assertEquals(ExitCode.OK, set.exitCode(), set + fileText());
              CliRunner.Result get = cli.run("config", "get", key.path());
              assertEquals(ExitCode.OK, get.exitCode(), get + fileText());
              assertEquals(expected(key, text) + "\n", get.out(), key.path() + fileText());
            });
  }

  /** What {@code config get} shows for a value typed on the command line. */
  private static String expected(ConfigKey key, String text) {
    if (key.secret()) {
      return BacalhauConfig.MASK;
    }
    Object value = key.parse(text);
    return switch (value) {
      case List<?> l -> String.join(",", l.stream().map(String::valueOf).toList());
      case Map<?, ?> m when key.type() == ValueType.MAP ->
          String.join(
              ",", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      default -> String.valueOf(value);
    };
  }

  private String fileText() {
    try {
      return "\n--- config.yaml\n" + Files.readString(dataDir.resolve("config.yaml"));
    } catch (java.io.IOException e) {
      return "\n(no config.yaml)";
    }
  }
}
