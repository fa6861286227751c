package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code JobAdmissionControl.ProbeHTTP} against a real HTTP server on loopback. */
class ProbeHttpTest {
  private HttpServer server;
  private final AtomicReference<String> body = new AtomicReference<>();
  private final AtomicReference<String> contentType = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answerType = "text/plain";
  private volatile String answer = "ok";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/bid",
        exchange -> {
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answerType);
          exchange.sendResponseHeaders(status, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ProbeHttp probe() {
    return new ProbeHttp(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/bid", Duration.ofSeconds(5));
  }

  @Test
  void anOkAnswerIsABidAndTheRequestIsPostedAsJson() throws Exception {
    assertNull(probe().rejection("{\"NodeID\":\"n\"}"));
    assertEquals("{\"NodeID\":\"n\"}", body.get());
    assertEquals("application/json", contentType.get());
  }

  @Test
  void aStatusOf400OrMoreIsARefusalNamingTheUrlAndStatus() throws Exception {
    status = 403;
    String reason = probe().rejection("{}");
    assertTrue(
        reason.startsWith("this node does not accept jobs where url \"http://127.0.0.1:"), reason);
    assertTrue(reason.endsWith("/bid\" returns HTTP status code 403"), reason);
  }

  @Test
  void aJsonAnswerDecidesWithItsOwnReason() throws Exception {
    answerType = "application/json";
    answer = "{\"shouldBid\": false, \"reason\": \"maintenance window\"}";
    assertEquals("this node does not accept this job: maintenance window", probe().rejection("{}"));
    answer = "{\"ShouldBid\": true}";
    assertNull(probe().rejection("{}"));
  }

  @Test
  void aProbeThatCannotBeReachedIsARefusalThatSaysSo() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);
    String reason =
        new ProbeHttp("http://127.0.0.1:" + port + "/bid", Duration.ofSeconds(5)).rejection("{}");
    assertTrue(reason.startsWith("this node could not ask its ProbeHTTP url"), reason);
  }
}
