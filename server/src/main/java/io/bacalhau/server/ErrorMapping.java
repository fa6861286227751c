package io.bacalhau.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.bacalhau.core.client.api.ErrorResponse;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.SpecProblem;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a route throws into Bacalhau's error body with the status its code stands for. A
 * refused spec lists every problem, keyed by the path of its field, in Details.
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void handle(ServerRequest req, ServerResponse res, Throwable error) {
    if (res.isSent()) {
      return;
    }
    ErrorResponse body = toResponse(error, RequestIds.of(req));
    ApiJson.send(res, Status.create(body.status()), body);
  }

  static ErrorResponse toResponse(Throwable error, String requestId) {
    if (error instanceof BacalhauException b) {
      Map<String, String> details = new LinkedHashMap<>(b.details());
      int status = b.code().httpStatus();
      String explicit = details.remove("status");
      if (explicit != null) {
        status = Integer.parseInt(explicit);
      }
      if (b instanceof InvalidSpecException invalid) {
        for (SpecProblem p : invalid.problems()) {
          details.merge(p.path().isEmpty() ? "Job" : p.path(), p.message(), (x, y) -> x + "; " + y);
        }
      }
      return new ErrorResponse(
          status, b.getMessage(), requestId, b.code().code(), b.component(), b.hint(), details);
    }
    // Not ours: say nothing of its insides (it may hold anything), log it for the operator.
    LOG.warn("request {} failed", requestId, error);
    return new ErrorResponse(
        500,
        "internal error (request " + requestId + ")",
        requestId,
        ErrorCode.INTERNAL_ERROR.code(),
        "APIServer",
        null,
        null);
  }

  /** A body that is not JSON, or whose values have the wrong types, naming where. */
  static BacalhauException badJson(java.io.IOException e) {
    String where = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      where =
          " at "
              + m.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."))
                  .replace(".[", "[");
    }
    String why =
        e instanceof JsonProcessingException p ? p.getOriginalMessage() : String.valueOf(e);
    return BacalhauException.builder(
            ErrorCode.BAD_REQUEST, "invalid JSON body" + where + ": " + why)
        .component("APIServer")
        .hint("Send a JSON object as the request body.")
        .build();
  }

  static BacalhauException notFound(String method, String path) {
    return BacalhauException.builder(ErrorCode.NOT_FOUND, "route not found: " + method + " " + path)
        .component("APIServer")
        .hint("The server may be of another version than the client; check 'bacalhau version'.")
        .build();
  }
}
