package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.spi.archive.SafePaths;
import java.util.List;
import java.util.Optional;

/**
 * Spec strings that become paths. Names that become a file or folder on the node (result path
 * names: {@code <execution>/results/<Name>}; job IDs and names, which {@code job get} turns into
 * {@code job-<ID or name>}; task names) must be one plain path component, so that none can reach
 * outside its folder. Paths inside the task (result paths, input targets) may have several
 * components but no {@code ..}, and no {@code :}, which Docker reads as the end of a mount's path.
 * Blank values are left to the checks that report them as missing.
 */
final class PathNames {
  private static final String COMPONENT_RULE =
      "a single name: no '/', '\\', '.', '..' or control characters";

  /** Files every execution's results folder holds; any case, for case-insensitive disks. */
  private static final List<String> RESERVED_RESULT_NAMES = List.of("stdout", "stderr", "exitCode");

  private PathNames() {}

  static void validate(Job job, List<SpecProblem> problems) {
    if (!job.id().isBlank() && job.id().chars().anyMatch(Character::isWhitespace)) {
      problems.add(new SpecProblem("ID", "job ID must not contain spaces"));
    } else {
      name("job ID", job.id(), "ID", "j-1234", problems);
    }
    name("job name", job.name(), "Name", "my-job", problems);
    for (int i = 0; i < job.tasks().size(); i++) {
      Task task = job.tasks().get(i);
      String at = "Tasks[" + i + "]";
      name("task name", task.name(), at + ".Name", "main", problems);
      for (int j = 0; j < task.resultPaths().size(); j++) {
        ResultPath r = task.resultPaths().get(j);
        String rp = at + ".ResultPaths[" + j + "]";
        resultName(r.name(), rp + ".Name", problems);
        mountPath("result path", r.path(), rp + ".Path", "/outputs", problems);
      }
      for (int j = 0; j < task.inputSources().size(); j++) {
        InputSource in = task.inputSources().get(j);
        mountPath(
            "input target",
            in.target(),
            at + ".InputSources[" + j + "].Target",
            "/inputs",
            problems);
      }
    }
  }

  private static void resultName(String value, String path, List<SpecProblem> problems) {
    if (value.indexOf(':') >= 0) {
      // The folder is bind-mounted by Docker, which reads ':' as the end of the host path.
      problems.add(
          new SpecProblem(path, "result path name \"" + shown(value) + "\" must not contain ':'"));
    } else if (RESERVED_RESULT_NAMES.stream().anyMatch(value::equalsIgnoreCase)) {
      problems.add(
          new SpecProblem(
              path,
              "result path name \""
                  + value
                  + "\" is taken by the file of that name every result holds (stdout, stderr,"
                  + " exitCode); choose another (e.g. outputs)"));
    } else {
      name("result path name", value, path, "outputs", problems);
    }
  }

  private static void name(
      String what, String value, String path, String example, List<SpecProblem> problems) {
    if (value.isBlank()) {
      return;
    }
    SafePaths.componentProblem(value)
        .ifPresent(
            why ->
                problems.add(
                    new SpecProblem(
                        path,
                        what
                            + " \""
                            + shown(value)
                            + "\" "
                            + why
                            + "; it must be "
                            + COMPONENT_RULE
                            + " (e.g. "
                            + example
                            + ")")));
  }

  private static String shown(String value) {
    return SafePaths.printable(TreeKinds.shorten(value));
  }

  private static void mountPath(
      String what, String value, String path, String example, List<SpecProblem> problems) {
    if (value.isBlank()) {
      return;
    }
    mountPathProblem(value)
        .ifPresent(
            why ->
                problems.add(
                    new SpecProblem(
                        path,
                        what + " \"" + shown(value) + "\" " + why + " (e.g. " + example + ")")));
  }

  private static Optional<String> mountPathProblem(String value) {
    if (value.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("contains a control character");
    }
    for (String segment : value.replace('\\', '/').split("/")) {
      if (segment.equals("..")) {
        return Optional.of("must not contain '..'");
      }
    }
    if (value.indexOf(':') >= 0) {
      return Optional.of("must not contain ':' (Docker reads it as the end of a mount's path)");
    }
    return Optional.empty();
  }
}
