package io.bacalhau.core.jobspec;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Job;
import java.util.List;

/**
 * What reading a spec file gave: a job, or the problems that stopped it (each with its path), plus
 * warnings about things that were ignored. {@code job} is null exactly when there are problems.
 *
 * @param source the file name users know the spec by, for messages
 * @param draft the job as far as it could be decoded (bad fields left empty), so that validation
 *     can still report the other problems; null when the document itself was unreadable
 * @param legacy whether the spec was written in the older {@code APIVersion: V1beta1} shape
 */
public record ParsedSpec(
    String source,
    Job job,
    Job draft,
    List<SpecProblem> problems,
    List<String> warnings,
    boolean legacy) {

  public static final String SPEC_DOCS = "https://docs.bacalhau.org/cli-api/specifications/job";

  public ParsedSpec {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** The job, or a validation error listing every problem. */
  public Job orThrow() {
    if (ok()) {
      return job;
    }
    throw BacalhauException.builder(ErrorCode.VALIDATION_ERROR, describeProblems())
        .component("JobSpec")
        .hint("See " + SPEC_DOCS + " for the fields a job spec may have.")
        .build();
  }

  /** "file: the job spec is invalid:" followed by one indented line per problem. */
  public String describeProblems() {
    StringBuilder sb = new StringBuilder(source).append(": the job spec is invalid:");
    for (SpecProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }
}
