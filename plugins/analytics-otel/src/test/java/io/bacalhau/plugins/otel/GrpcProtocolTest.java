package io.bacalhau.plugins.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code Analytics.Protocol=grpc} the exporter speaks HTTP/2 (gRPC) to the endpoint. */
class GrpcProtocolTest {
  private static final String HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

  @TempDir Path home;
  @TempDir Path dataDir;

  @Test
  void grpcExportsOpenAnHttp2Connection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> firstBytes =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = server.accept();
                    InputStream in = s.getInputStream()) {
                  return new String(
                      in.readNBytes(HTTP2_PREFACE.length()), StandardCharsets.US_ASCII);
                } catch (Exception e) {
                  return e.toString();
                }
              });
      try (AnalyticsNode node =
          new AnalyticsNode(
              home,
              dataDir,
              Map.of(),
              List.of(
                  "Analytics.Protocol=grpc",
                  "Analytics.Endpoint=http://127.0.0.1:" + server.getLocalPort()))) {
        node.run("grpc", Map.of());
      }
      assertEquals(HTTP2_PREFACE, firstBytes.get(10, TimeUnit.SECONDS));
    }
  }
}
