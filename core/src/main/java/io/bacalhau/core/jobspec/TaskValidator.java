package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Bacalhau's per-task submission checks; each problem carries its path below {@code path}. */
final class TaskValidator {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  static final String RESERVED_ENV_PREFIX = "BACALHAU_";

  private TaskValidator() {}

  static void validateSubmission(Task task, String path, List<SpecProblem> problems) {
    if (task.name().isBlank()) {
      problems.add(new SpecProblem(path + ".Name", "missing task name"));
    }
    validateEnv(task.env(), path + ".Env", problems);
    if (task.engine().type().isBlank()) {
      problems.add(
          new SpecProblem(path + ".Engine.Type", "missing engine type (e.g. docker, wasm, noop)"));
    }
    validateTimeouts(task.timeouts(), path + ".Timeouts", false, problems);
    ResourceParser.parse(task.resources(), path + ".Resources", problems);
    validateInputs(task.inputSources(), path + ".InputSources", problems);
    validateResults(task.resultPaths(), path + ".ResultPaths", problems);
    NetworkValidator.validate(task.network(), path + ".Network", problems);
  }

  private static void validateEnv(
      Map<String, String> env, String path, List<SpecProblem> problems) {
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      String at = path + "." + name;
      if (name.isEmpty()) {
        problems.add(new SpecProblem(path, "environment variable name must not be empty"));
      } else if (!ENV_NAME.matcher(name).matches()) {
        problems.add(
            new SpecProblem(
                at,
                "environment variable names start with a letter and contain only letters,"
                    + " digits and _"));
      } else if (!name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
        problems.add(new SpecProblem(at, "environment variable names must be upper case"));
      } else if (name.startsWith(RESERVED_ENV_PREFIX)) {
        problems.add(
            new SpecProblem(
                at,
                "environment variable names must not start with "
                    + RESERVED_ENV_PREFIX
                    + " (reserved for the system)"));
      }
      if (e.getValue() == null || e.getValue().isEmpty()) {
        problems.add(new SpecProblem(at, "environment variable value must not be empty"));
      }
    }
  }

  static void validateTimeouts(
      TimeoutConfig t, String path, boolean full, List<SpecProblem> problems) {
    if (!full) {
      negative(t.executionTimeout(), path + ".ExecutionTimeout", problems);
      negative(t.queueTimeout(), path + ".QueueTimeout", problems);
      negative(t.totalTimeout(), path + ".TotalTimeout", problems);
      DurationLimits.validate(t, path, problems);
      return;
    }
    if (t.totalTimeout() > 0
        && t.executionTimeout() >= 0
        && t.queueTimeout() >= 0
        && DurationLimits.within(t)
        && t.executionTimeout() + t.queueTimeout() > t.totalTimeout()) {
      problems.add(
          new SpecProblem(
              path,
              "execution timeout ("
                  + t.executionTimeout()
                  + "s) plus queue timeout ("
                  + t.queueTimeout()
                  + "s) must not exceed the total timeout ("
                  + t.totalTimeout()
                  + "s)"));
    }
  }

  private static void negative(long value, String path, List<SpecProblem> problems) {
    if (value < 0) {
      problems.add(new SpecProblem(path, "timeout must not be negative, got " + value));
    }
  }

  private static void validateInputs(
      List<InputSource> inputs, String path, List<SpecProblem> problems) {
    Set<String> aliases = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      InputSource in = inputs.get(i);
      String at = path + "[" + i + "]";
      if (in.target().isBlank()) {
        problems.add(new SpecProblem(at + ".Target", "missing target path for input source"));
      } else if (!targets.add(in.target())) {
        problems.add(new SpecProblem(at + ".Target", "duplicate input target: " + in.target()));
      }
      if (!in.alias().isBlank() && !aliases.add(in.alias())) {
        problems.add(new SpecProblem(at + ".Alias", "duplicate input alias: " + in.alias()));
      }
      if (in.source().type().isBlank()) {
        problems.add(
            new SpecProblem(
                at + ".Source.Type", "missing input source type (e.g. s3, urlDownload, inline)"));
      }
    }
  }

  private static void validateResults(
      List<ResultPath> results, String path, List<SpecProblem> problems) {
    Set<String> names = new HashSet<>();
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      ResultPath r = results.get(i);
      String at = path + "[" + i + "]";
      if (r.name().isBlank()) {
        problems.add(new SpecProblem(at + ".Name", "missing result path name"));
      } else if (!names.add(r.name())) {
        problems.add(new SpecProblem(at + ".Name", "duplicate result path name: " + r.name()));
      }
      if (r.path().isBlank()) {
        problems.add(new SpecProblem(at + ".Path", "missing result path"));
      } else if (!r.path().startsWith("/")) {
        problems.add(
            new SpecProblem(
                at + ".Path", "result path must be absolute, got \"" + r.path() + "\""));
      } else if (!paths.add(r.path())) {
        problems.add(new SpecProblem(at + ".Path", "duplicate result path: " + r.path()));
      }
    }
  }
}
