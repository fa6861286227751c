package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bacalhau's job checks. Every problem is collected with its path before anyone fails, so a user
 * fixes a spec in one round instead of one error at a time.
 */
public final class JobValidator {
  private JobValidator() {}

  /** The checks a client and the server make before defaults are applied. */
  public static List<SpecProblem> validateSubmission(Job job) {
    List<SpecProblem> problems = new ArrayList<>();
    if (job == null) {
      problems.add(new SpecProblem("", "missing job"));
      return problems;
    }
    Optional<JobType> type = JobType.parse(job.type());
    if (job.type().isBlank()) {
      problems.add(new SpecProblem("Type", "missing job type (batch, ops, daemon or service)"));
    } else if (type.isEmpty()) {
      problems.add(
          new SpecProblem(
              "Type",
              "invalid job type: \""
                  + TreeKinds.shorten(job.type())
                  + "\" (valid: batch, ops, daemon, service)"));
    }
    if (job.count() < 0) {
      problems.add(new SpecProblem("Count", "count must not be negative, got " + job.count()));
    } else if (job.count() > 1 && type.filter(t -> !t.isPartitioned()).isPresent()) {
      problems.add(
          new SpecProblem(
              "Count",
              type.get().value()
                  + " jobs cannot specify count > 1 as they run on all matching nodes"));
    }
    for (int i = 0; i < job.constraints().size(); i++) {
      ConstraintValidator.validate(job.constraints().get(i), "Constraints[" + i + "]", problems);
    }
    if (job.tasks().isEmpty()) {
      problems.add(new SpecProblem("Tasks", "missing job tasks (a job needs one task)"));
    }
    for (int i = 0; i < job.tasks().size(); i++) {
      TaskValidator.validateSubmission(job.tasks().get(i), "Tasks[" + i + "]", problems);
    }
    PathNames.validate(job, problems);
    return problems;
  }

  /** Submission checks plus what a stored job must satisfy (ID, name, publisher, timeouts). */
  public static List<SpecProblem> validate(Job job) {
    List<SpecProblem> problems = validateSubmission(job);
    if (job == null) {
      return problems;
    }
    if (job.id().isBlank()) {
      problems.add(new SpecProblem("ID", "missing job ID"));
    }
    if (job.name().isBlank()) {
      problems.add(new SpecProblem("Name", "missing job name"));
    }
    if (job.namespace().isBlank()) {
      problems.add(new SpecProblem("Namespace", "missing namespace"));
    }
    for (int i = 0; i < job.tasks().size(); i++) {
      Task task = job.tasks().get(i);
      String path = "Tasks[" + i + "]";
      if (!task.resultPaths().isEmpty() && task.publisher().isEmpty()) {
        problems.add(
            new SpecProblem(path + ".Publisher", "publisher must be set if result paths are set"));
      }
      TaskValidator.validateTimeouts(task.timeouts(), path + ".Timeouts", true, problems);
    }
    return problems;
  }
}
