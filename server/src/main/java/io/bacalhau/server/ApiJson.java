package io.bacalhau.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reading request bodies and writing JSON answers. Models are written with core's mapper so that
 * their shapes are core's; request keys are matched case-insensitively, as Bacalhau's server does.
 */
final class ApiJson {
  // A copy of core's mapper (case-insensitive keys already): same shapes, own settings. The copy is
  // of the store's variant, whose Blackbird accessors write the same bytes as core's reflective
  // ones at a fraction of the CPU; every answer of the API goes through here (ApiJsonShapeTest).
  private static final ObjectMapper MAPPER = Codecs.storeJson().copy();
  private static final ObjectWriter WRITER = MAPPER.writer();

  private ApiJson() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  static void send(ServerResponse res, Object body) {
    send(res, Status.OK_200, body);
  }

  static void send(ServerResponse res, Status status, Object body) {
    try {
      byte[] bytes = WRITER.writeValueAsBytes(body);
      res.status(status);
      res.header(HeaderValues.CONTENT_TYPE_JSON);
      res.send(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body, at most {@code limit} bytes (413 beyond: the Content-Length may be absent). */
  static byte[] body(ServerRequest req, long limit) {
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BacalhauException tooLarge(long limit) {
    return BacalhauException.builder(
            ErrorCode.BAD_REQUEST, "request body is larger than " + limit / (1024 * 1024) + " MB")
        .component("APIServer")
        .detail("status", "413")
        .build();
  }

  /** The body decoded as {@code type}; an empty body decodes as an empty object. */
  static <T> T read(ServerRequest req, long limit, Class<T> type) {
    byte[] bytes = body(req, limit);
    try {
      return MAPPER.readValue(bytes.length == 0 ? "{}".getBytes() : bytes, type);
    } catch (IOException e) {
      throw ErrorMapping.badJson(e);
    }
  }
}
