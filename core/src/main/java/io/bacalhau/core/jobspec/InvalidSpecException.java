package io.bacalhau.core.jobspec;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job refused at submission because its spec is invalid. It carries every problem with the path
 * of its field, so any client (the CLI, a remote one through the API) can show them all; the
 * message lists them too, for clients that read only messages.
 */
public final class InvalidSpecException extends BacalhauException {
  private static final String PREFIX = "invalid job spec:";

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
    StringBuilder text = new StringBuilder(PREFIX);
    problems.forEach(p -> text.append("\n  ").append(p));
    return text.toString();
  }

  /**
   * The refusal a message of this class describes, read back (a remote client gets only the
   * message): {@code invalid job spec:} then one {@code path: message} line per problem. Empty for
   * any other message.
   */
  public static Optional<InvalidSpecException> fromMessage(String message) {
    if (message == null || !message.startsWith(PREFIX)) {
      return Optional.empty();
    }
    List<SpecProblem> problems = new ArrayList<>();
    for (String line : message.substring(PREFIX.length()).split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int colon = l.indexOf(": ");
      boolean hasPath = colon > 0 && !l.substring(0, colon).contains(" ");
      problems.add(
          hasPath
              ? new SpecProblem(l.substring(0, colon), l.substring(colon + 2))
              : new SpecProblem("", l));
    }
    return Optional.of(new InvalidSpecException(problems));
  }
}
