package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.jobspec.InvalidSpecException;
import java.util.Optional;

/**
 * Turns the API's error bodies ({@code {"Status","Message","Code","Component","Hint"}}) back into
 * the exceptions the embedded node throws, so the CLI prints the same lines either way.
 */
final class ApiErrors {
  private ApiErrors() {}

  static BacalhauException from(int status, JsonNode body, String route) {
    String message = text(body, "Message");
    if (message.isEmpty()) {
      message = "the node answered " + status + " to " + route;
    }
    ErrorCode code = code(text(body, "Code"), status);
    if (code == ErrorCode.VALIDATION_ERROR) {
      Optional<InvalidSpecException> invalid = InvalidSpecException.fromMessage(message);
      if (invalid.isPresent()) {
        return invalid.get();
      }
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
