package io.bacalhau.plugins.otel;

import com.google.protobuf.InvalidProtocolBufferException;
import io.bacalhau.testing.LoopbackHttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A real OTLP/HTTP collector for tests, on 127.0.0.1: what the exporter POSTs, decoded with the
 * published OTLP protobuf classes, on top of a server that counts every connection and byte.
 */
final class OtlpHttpReceiver implements AutoCloseable {
  private final LoopbackHttpServer server;

  private OtlpHttpReceiver(LoopbackHttpServer server) {
    this.server = server;
  }

  /** A collector that answers every export with 200. */
  static OtlpHttpReceiver start() throws IOException {
    return new OtlpHttpReceiver(LoopbackHttpServer.answering());
  }

  /** A collector that accepts connections and reads, but never answers (a hung collector). */
  static OtlpHttpReceiver silent() throws IOException {
    return new OtlpHttpReceiver(LoopbackHttpServer.silent());
  }

  String endpoint() {
    return server.endpoint();
  }

  int connections() {
    return server.connections();
  }

  long bytes() {
    return server.bytes();
  }

  List<ExportLogsServiceRequest> requests() {
    return server.requests().stream().map(r -> decode(r.body())).toList();
  }

  List<String> paths() {
    return server.requests().stream().map(LoopbackHttpServer.Request::path).toList();
  }

  private static ExportLogsServiceRequest decode(byte[] body) {
    try {
      return ExportLogsServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new UncheckedIOException("not an OTLP logs export", e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
