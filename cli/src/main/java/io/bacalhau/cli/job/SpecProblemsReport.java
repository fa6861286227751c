package io.bacalhau.cli.job;

import io.bacalhau.core.jobspec.ParsedSpec;
import io.bacalhau.core.jobspec.SpecProblem;
import java.io.PrintStream;
import java.util.List;

/**
 * The one way an invalid spec is reported, by {@code job validate}, {@code job run}, {@code docker
 * run} and {@code wasm run}: every problem with the path of its field.
 */
final class SpecProblemsReport {
  private SpecProblemsReport() {}

  /**
   * @param what "the job spec in FILE" or "the job spec"
   */
  static void print(PrintStream err, String what, List<SpecProblem> problems) {
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    err.println("Error: " + what + " is invalid (" + count + "):");
    err.println("Job Specification: " + ParsedSpec.SPEC_DOCS);
    err.println();
    problems.forEach(p -> err.println("  " + p));
  }
}
