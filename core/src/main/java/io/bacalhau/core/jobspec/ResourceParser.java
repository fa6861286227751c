package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import java.util.ArrayList;
import java.util.List;

/** Turns resource strings ({@code 500m}, {@code 1Gi}, {@code 512Mb}) into numbers. */
public final class ResourceParser {
  private ResourceParser() {}

  /**
   * The numbers; blank fields are zero.
   *
   * @throws IllegalArgumentException with "invalid CPU value: ..." and the like
   */
  public static Resources parse(ResourcesConfig config) {
    List<SpecProblem> problems = new ArrayList<>();
    Resources r = parse(config, "", problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).message());
    }
    return r;
  }

  /** Cores of a CPU amount ({@code 500m}, {@code 1.5}); 0 when blank. */
  public static double cpu(String text) {
    return parse(new ResourcesConfig(text, "", "", "")).cpu();
  }

  /** Bytes of a Memory or Disk size ({@code 512Mb}, {@code 2Gi}); 0 when blank. */
  public static long bytes(String field, String text) {
    List<SpecProblem> problems = new ArrayList<>();
    long v = text == null || text.isBlank() ? 0 : bytes(text, "Resources", field, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
    return v;
  }

  /** A whole number of GPUs; 0 when blank. */
  public static long gpu(String text) {
    return parse(new ResourcesConfig("", "", "", text)).gpu();
  }

  /** The numbers, or {@link Resources#ZERO} after adding one problem per bad field. */
  public static Resources parse(ResourcesConfig config, String path, List<SpecProblem> problems) {
    int before = problems.size();
    double cpu = 0;
    long memory = 0;
    long disk = 0;
    long gpu = 0;
    if (!config.cpu().isBlank()) {
      Double v = Quantities.cpu(config.cpu());
      if (v == null || v.isInfinite()) {
        problems.add(
            problem(
                path, "CPU", config.cpu(), "a number of cores like \"500m\", \"1.5\" or \"2\""));
      } else {
        cpu = v;
      }
    }
    if (!config.memory().isBlank()) {
      memory = bytes(config.memory(), path, "Memory", problems);
    }
    if (!config.disk().isBlank()) {
      disk = bytes(config.disk(), path, "Disk", problems);
    }
    if (!config.gpu().isBlank()) {
      gpu = gpus(config.gpu(), path, problems);
    }
    return problems.size() == before ? new Resources(cpu, memory, disk, gpu) : Resources.ZERO;
  }

  private static long bytes(String text, String path, String field, List<SpecProblem> problems) {
    Long v = Quantities.bytes(text);
    if (v == null) {
      problems.add(
          problem(path, field, text, "a size like \"512Mb\", \"1Gi\", \"2GB\" or \"1e9\""));
      return 0;
    }
    return v;
  }

  private static long gpus(String text, String path, List<SpecProblem> problems) {
    String s = text.strip();
    if (s.matches("[0-9]{1,9}")) {
      return Long.parseLong(s);
    }
    problems.add(problem(path, "GPU", text, "a whole number of GPUs like \"1\""));
    return 0;
  }

  private static SpecProblem problem(String path, String field, String value, String expected) {
    return new SpecProblem(
        TreeDecoder.join(path, field),
        "invalid "
            + field
            + " value: \""
            + TreeKinds.shorten(value)
            + "\" (expected "
            + expected
            + ")");
  }
}
