package io.bacalhau.core.jobspec;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.util.List;

/**
 * A job refused at submission because its spec is invalid. It carries every problem with the path
 * of its field, so any client (the CLI, a remote one through the API) can show them all; the
 * message lists them too, for clients that read only messages.
 */
public final class InvalidSpecException extends BacalhauException {
  private final transient List<SpecProblem> problems;

  public InvalidSpecException(List<SpecProblem> problems) {
    super(
        BacalhauException.builder(ErrorCode.VALIDATION_ERROR, message(problems))
            .component("Orchestrator")
            .hint("Check the spec with 'bacalhau job validate <file>'."));
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }

  private static String message(List<SpecProblem> problems) {
    StringBuilder text = new StringBuilder("invalid job spec:");
    problems.forEach(p -> text.append("\n  ").append(p));
    return text.toString();
  }
}
