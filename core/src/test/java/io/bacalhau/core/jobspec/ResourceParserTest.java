package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceParserTest {
  @ParameterizedTest
  @CsvSource({"500m, 0.5", "2, 2", "1.5, 1.5", "0.25, 0.25", "100m, 0.1", "1e1, 10", "' 2 ', 2"})
  void cpuIsAKubernetesQuantity(String text, double cores) {
    assertEquals(cores, ResourceParser.parse(new ResourcesConfig(text, "", "", "")).cpu(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource({
    "1Gb, 1000000000",
    "1gb, 1000000000",
    "1GB, 1000000000",
    "512Mi, 536870912",
    "512MiB, 536870912",
    "1Gi, 1073741824",
    "1e9, 1000000000",
    "2k, 2000",
    "1.5Kb, 1500",
    "'2 GB', 2000000000",
    "42, 42",
    "42b, 42"
  })
  void memoryAndDiskAreByteSizes(String text, long bytes) {
    Resources r = ResourceParser.parse(new ResourcesConfig("", text, text, ""));
    assertEquals(bytes, r.memory());
    assertEquals(bytes, r.disk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "1Zb", "1.2.3", "Gb", "1e999999", "99999999999Eb"})
  void badSizesAreRejectedWithTheFieldName(String text) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ResourceParser.parse(new ResourcesConfig("", text, "", "")));
    assertEquals(
        "invalid Memory value: \""
            + text
            + "\" (expected a size like \"512Mb\", \"1Gi\", \"2GB\" or \"1e9\")",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "one", "1e2"})
  void gpuIsAWholeNumber(String text) {
    assertThrows(
        IllegalArgumentException.class,
        () -> ResourceParser.parse(new ResourcesConfig("", "", "", text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-500m", "lots", "1x"})
  void badCpuIsRejected(String text) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ResourceParser.parse(new ResourcesConfig(text, "", "", "")));
    assertEquals(true, e.getMessage().startsWith("invalid CPU value: "));
  }

  @org.junit.jupiter.api.Test
  void blankFieldsAreZero() {
    assertEquals(Resources.ZERO, ResourceParser.parse(ResourcesConfig.EMPTY));
    assertEquals(3, ResourceParser.parse(new ResourcesConfig("", "", "", "3")).gpu());
  }
}
