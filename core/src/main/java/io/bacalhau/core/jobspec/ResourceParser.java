package io.bacalhau.core.jobspec;

import io.bacalhau.core.config.ByteSize;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns resource strings ({@code 500m}, {@code 1.5}, {@code 1Gi}, {@code 512Mb}) into numbers. */
public final class ResourceParser {
  private static final Pattern CPU = Pattern.compile("(\\d+(?:\\.\\d+)?(?:e\\d+)?)(m?)");

  private ResourceParser() {}

  /**
   * @throws IllegalArgumentException naming the field and what would be valid
   */
  public static Resources parse(ResourcesConfig config) {
    return new Resources(
        cpu(config.cpu()),
        bytes("Memory", config.memory()),
        bytes("Disk", config.disk()),
        gpu(config.gpu()));
  }

  public static double cpu(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    Matcher m = CPU.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Resources.CPU: '" + text + "' is not a CPU amount like 500m, 0.5 or 2");
    }
    double n = Double.parseDouble(m.group(1));
    return m.group(2).isEmpty() ? n : n / 1000;
  }

  public static long bytes(String field, String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return ByteSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Resources." + field + ": '" + text + "' is not a size like 512Mb, 2Gi or 1e9");
    }
  }

  public static long gpu(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Resources.GPU: '" + text + "' is not a whole number of GPUs");
    }
  }
}
