package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.GoDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code config set API.Port=-5} and {@code API.Port=99999999999} were accepted (the latter read
 * back truncated); durations had no upper bound. Ports are 1-65535 and durations at most 100 years
 * wherever a value comes from: {@code -c}, environment, config file, {@code --api-port}.
 */
class ConfigValueLimitsTest {
  @TempDir Path home;

  private BacalhauConfig load(Map<String, String> env, List<String> args, Integer apiPort) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("HOME", home.toString());
    return new ConfigLoader().load(new ConfigInputs(all, home, args, null, null, apiPort));
  }

  private static String refusal(Runnable r) {
    return assertThrows(BacalhauException.class, r::run).getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "65536", "99999999999", "http"})
  void portsOutsideOneTo65535AreRefusedWhereverTheyAreRead(String port) throws Exception {
    String expected = "config key API.Port: '" + port + "' is not a port number from 1 to 65535";
    assertEquals(expected, refusal(() -> load(Map.of(), List.of("API.Port=" + port), null)));
    assertTrue(
        refusal(() -> load(Map.of("BACALHAU_API_PORT", port), List.of(), null)).contains(expected));
    Path file = Files.writeString(home.resolve("c.yaml"), "API:\n  Port: " + port + "\n");
    String fromFile = refusal(() -> load(Map.of(), List.of(file.toString()), null));
    assertTrue(fromFile.contains(file.toString()) && fromFile.contains(expected), fromFile);
    assertThrows(
        BacalhauException.class,
        () -> ConfigCatalog.get().require("Publishers.Types.Local.Port").parse(port));
  }

  @Test
  void apiPortFlagIsAPortToo() {
    assertEquals(
        "--api-port: '0' is not a port number from 1 to 65535",
        refusal(() -> load(Map.of(), List.of(), 0)));
    assertEquals(
        "--api-port: '70000' is not a port number from 1 to 65535",
        refusal(() -> load(Map.of(), List.of(), 70_000)));
    assertEquals(65_535, load(Map.of(), List.of(), 65_535).value("API.Port"));
    assertEquals(1, load(Map.of(), List.of("API.Port=1"), null).value("API.Port"));
  }

  @Test
  void durationsLongerThanAHundredYearsAreRefused() throws Exception {
    assertEquals(
        "config key UpdateConfig.Interval: '876601h' is longer than the maximum of 876600h"
            + " (100 years)",
        refusal(() -> load(Map.of(), List.of("UpdateConfig.Interval=876601h"), null)));
    assertTrue(
        refusal(
                () ->
                    load(
                        Map.of(),
                        List.of("JobDefaults.Batch.Task.Timeouts.TotalTimeout=9223372037s"),
                        null))
            .contains("is longer than the maximum of 876600h (100 years)"));
    Path file =
        Files.writeString(home.resolve("d.yaml"), "InputSources:\n  ReadTimeout: 99999999999h\n");
    String fromFile = refusal(() -> load(Map.of(), List.of(file.toString()), null));
    assertTrue(fromFile.contains(file.toString()) && fromFile.contains("longer than"), fromFile);
    assertEquals(
        Duration.ofHours(876_600),
        load(Map.of(), List.of("UpdateConfig.Interval=876600h"), null)
            .duration("UpdateConfig.Interval", Duration.ZERO));
  }

  record PluginSettings(Duration timeout) {}

  @Test
  void pluginDurationsAreBoundedToo() {
    for (Object tooLong : List.of("876601h", 3_155_760_001L, "PT876601H")) {
      String refused =
          refusal(
              () ->
                  SectionBinder.bind(
                      "Engines.Types.X", Map.of("timeout", tooLong), PluginSettings.class));
      assertTrue(refused.contains("longer than the maximum of 876600h (100 years)"), refused);
    }
    assertEquals(
        Duration.ofSeconds(90),
        SectionBinder.bind("Engines.Types.X", Map.of("timeout", 90), PluginSettings.class)
            .timeout());
  }

  @Test
  void goDurationsAreBoundedForEveryReader() {
    assertEquals(Duration.ofSeconds(3_155_760_000L), GoDuration.parse("3155760000"));
    for (String text :
        List.of("3155760001", "99999999999999999999999", "876601h", "99999999999999999999999h")) {
      assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text), text);
    }
  }
}
