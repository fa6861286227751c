package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Job;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers for reading specs written inline in tests. */
final class Specs {
  private Specs() {}

  static ParsedSpec read(String text) {
    return JobSpecParser.read("spec.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  static Job job(String text) {
    ParsedSpec parsed = read(text);
    assertTrue(parsed.ok(), () -> parsed.describeProblems());
    return parsed.job();
  }

  /** The problems as "path: message" lines. */
  static List<String> problems(String text) {
    return read(text).problems().stream().map(SpecProblem::toString).toList();
  }

  static List<String> lines(List<SpecProblem> problems) {
    return problems.stream().map(SpecProblem::toString).toList();
  }

  static final String MINIMAL =
      """
      Type: batch
      Tasks:
        - Name: main
          Engine: {Type: noop}
      """;
}
