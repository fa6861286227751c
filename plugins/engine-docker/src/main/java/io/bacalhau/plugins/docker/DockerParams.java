package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Engine.Params} of a docker task.
 *
 * @param entrypoint overrides the image's ENTRYPOINT when non-empty
 * @param parameters the container's CMD (arguments to the entrypoint)
 * @param environment {@code EnvironmentVariables} as name to value, in spec order
 * @param workingDirectory absolute, or blank for the image's own
 */
public record DockerParams(
    String image,
    List<String> entrypoint,
    List<String> parameters,
    Map<String, String> environment,
    String workingDirectory) {

  static final String PREFIX = "Engine.Params.";

  public DockerParams {
    entrypoint = List.copyOf(entrypoint);
    parameters = List.copyOf(parameters);
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /**
   * Reads and checks the params, reporting every problem at once.
   *
   * @throws BacalhauException (ExecutorSpecValidationErr) naming each bad param
   */
  public static DockerParams from(SpecConfig spec) {
    List<String> problems = new ArrayList<>();
    Object rawImage = spec.param("Image");
    String image = rawImage instanceof String s ? s.strip() : "";
    if (rawImage != null && !(rawImage instanceof String)) {
      problems.add(PREFIX + "Image: expected a string such as 'ubuntu:24.04', got " + rawImage);
    } else if (image.isEmpty()) {
      problems.add(PREFIX + "Image: required (an image name such as 'ubuntu:24.04')");
    } else if (image.chars().anyMatch(Character::isWhitespace)) {
      problems.add(PREFIX + "Image: '" + image + "' contains white space");
    }
    List<String> entrypoint = strings(spec, "Entrypoint", problems);
    List<String> parameters = strings(spec, "Parameters", problems);
    Map<String, String> env = new LinkedHashMap<>();
    for (String entry : strings(spec, "EnvironmentVariables", problems)) {
      int eq = entry.indexOf('=');
      String name = eq < 0 ? entry : entry.substring(0, eq);
      if (name.isBlank()) {
        problems.add(PREFIX + "EnvironmentVariables: '" + entry + "' is not NAME=VALUE");
      } else if (name.toUpperCase(Locale.ROOT).startsWith("BACALHAU_")) {
        problems.add(
            PREFIX
                + "EnvironmentVariables: "
                + name
                + " is reserved (names may not start BACALHAU_)");
      } else {
        env.put(name, eq < 0 ? "" : entry.substring(eq + 1));
      }
    }
    Object rawDir = spec.param("WorkingDirectory");
    String workdir = rawDir == null ? "" : String.valueOf(rawDir).strip();
    if (!workdir.isEmpty() && !workdir.startsWith("/")) {
      problems.add(PREFIX + "WorkingDirectory: '" + workdir + "' must be an absolute path");
    }
    if (!problems.isEmpty()) {
      throw BacalhauException.builder(
              ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR, String.join("; ", problems))
          .component("DockerExecutor")
          .hint(
              "See the docker engine params: Image, Entrypoint, Parameters,"
                  + " EnvironmentVariables, WorkingDirectory.")
          .failsExecution(true)
          .build();
    }
    return new DockerParams(image, entrypoint, parameters, env, workdir);
  }

  private static List<String> strings(SpecConfig spec, String name, List<String> problems) {
    Object value = spec.param(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
          problems.add(PREFIX + name + ": every item must be a string, got " + item);
        } else {
          out.add(String.valueOf(item));
        }
      }
      return out;
    }
    problems.add(PREFIX + name + ": expected a list of strings, got '" + value + "'");
    return List.of();
  }
}
