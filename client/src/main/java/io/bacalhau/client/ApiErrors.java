package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.SpecProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the API's error bodies ({@code {"Status","Message","Code","Component","Hint"}}) back into
 * the exceptions the embedded node throws, so the CLI prints the same lines either way.
 */
final class ApiErrors {
  private static final String INVALID_SPEC = "invalid job spec:";

  private ApiErrors() {}

  static BacalhauException from(int status, JsonNode body, String route) {
    String message = text(body, "Message");
    if (message.isEmpty()) {
      message = "the node answered " + status + " to " + route;
    }
    ErrorCode code = code(text(body, "Code"), status);
    if (code == ErrorCode.VALIDATION_ERROR && message.startsWith(INVALID_SPEC)) {
      return new InvalidSpecException(problems(message));
    }
    BacalhauException.Builder b =
        BacalhauException.builder(code, message).component(orDefault(text(body, "Component")));
    String hint = text(body, "Hint");
    if (!hint.isEmpty()) {
      b.hint(hint);
    }
    if (!text(body, "Code").isEmpty() && code.code().equals(text(body, "Code"))) {
      return b.build();
    }
    return b.specificCode(text(body, "Code")).build();
  }

  /** "invalid job spec:" then one " path: message" line per problem, as the server writes it. */
  private static List<SpecProblem> problems(String message) {
    List<SpecProblem> problems = new ArrayList<>();
    for (String line : message.substring(INVALID_SPEC.length()).split("\n")) {
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
    return problems;
  }

  private static ErrorCode code(String code, int status) {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.code().equalsIgnoreCase(code)) {
        return c;
      }
    }
    for (ErrorCode c : ErrorCode.values()) {
      if (c.httpStatus() == status) {
        return c;
      }
    }
    return ErrorCode.UNKNOWN_ERROR;
  }

  private static String text(JsonNode body, String field) {
    if (body == null) {
      return "";
    }
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String orDefault(String component) {
    return component.isEmpty() ? "APIServer" : component;
  }
}
