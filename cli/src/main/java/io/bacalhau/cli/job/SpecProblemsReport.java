package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.jobspec.ParsedSpec;
import io.bacalhau.core.jobspec.SpecProblem;
import java.util.List;

/**
 * The one way an invalid spec is reported, by {@code job validate}, {@code job run}, {@code docker
 * run} and {@code wasm run}: every problem with the path of its field, printed by the {@link
 * io.bacalhau.cli.errors.ErrorReporter} like every other failure.
 */
public final class SpecProblemsReport {
  private SpecProblemsReport() {}

  /**
   * @param what "the job spec in FILE" or "the job spec"
   */
  public static CommandFailedException failure(
      int exitCode, String what, List<SpecProblem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    StringBuilder text = new StringBuilder(what + " is invalid (" + count + "):");
    text.append("\nJob Specification: ").append(ParsedSpec.SPEC_DOCS).append('\n');
    problems.forEach(p -> text.append("\n  ").append(p));
    return new CommandFailedException(exitCode, text.toString(), null);
  }
}
