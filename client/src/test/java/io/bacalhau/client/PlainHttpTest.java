package io.bacalhau.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests over a plain socket, against a peer that answers byte by byte as a test tells it: the
 * answer shapes an HTTP/1.1 server may use (a length, chunks, interim answers, no body), and the
 * ways a node fails to answer.
 */
class PlainHttpTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void sendsTheRequestLineHeadersAndBodyAndReadsALengthAnswer() throws Exception {
    try (Peer peer = new Peer("HTTP/1.1 201 Created\r\nContent-Length: 7\r\n\r\n{\"a\":1}")) {
      PlainHttp.Answer answer =
          PlainHttp.send(
              peer.uri("/api/v1/jobs?namespace=a%20b"),
              "PUT",
              Map.of("Authorization", "Bearer t"),
              "{}".getBytes(StandardCharsets.UTF_8),
              SECOND,
              SECOND);
      assertEquals(201, answer.status());
      assertEquals("{\"a\":1}", new String(answer.body(), StandardCharsets.UTF_8));
      String request = peer.request();
      assertTrue(request.startsWith("PUT /api/v1/jobs?namespace=a%20b HTTP/1.1\r\n"), request);
      assertTrue(request.contains("\r\nHost: 127.0.0.1:" + peer.port() + "\r\n"), request);
      assertTrue(request.contains("\r\nAuthorization: Bearer t\r\n"), request);
      assertTrue(request.contains("\r\nContent-Length: 2\r\n\r\n{}"), request);
    }
  }

  @Test
  void readsAChunkedAnswerAfterAnInterimOne() throws Exception {
    String answer =
        "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
            + "4;ext=1\r\n{\"Id\r\n"
            + "b\r\n\":\"j-1\"}   \r\n"
            + "0\r\nTrailer: x\r\n\r\n";
    try (Peer peer = new Peer(answer)) {
      PlainHttp.Answer got = PlainHttp.send(peer.uri("/"), "GET", Map.of(), null, SECOND, SECOND);
      assertEquals(200, got.status());
      assertEquals("{\"Id\":\"j-1\"}   ", new String(got.body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsAnAnswerThatEndsWithTheConnectionOrHasNoBody() throws Exception {
    try (Peer peer = new Peer("HTTP/1.1 500 Oops\r\n\r\nbroken")) {
      PlainHttp.Answer got = PlainHttp.send(peer.uri("/"), "GET", Map.of(), null, SECOND, SECOND);
      assertEquals(500, got.status());
      assertArrayEquals("broken".getBytes(StandardCharsets.UTF_8), got.body());
    }
    try (Peer peer = new Peer("HTTP/1.1 204 No Content\r\n\r\n")) {
      PlainHttp.Answer got =
          PlainHttp.send(peer.uri("/"), "DELETE", Map.of(), null, SECOND, SECOND);
      assertEquals(204, got.status());
      assertEquals(0, got.body().length);
    }
  }

  @Test
  void anAnswerCutShortIsAnError() throws Exception {
    try (Peer peer = new Peer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"a\"")) {
      assertThrows(
          IOException.class,
          () -> PlainHttp.send(peer.uri("/"), "GET", Map.of(), null, SECOND, SECOND));
    }
  }

  @Test
  void aNodeThatDoesNotAnswerInTimeIsATimeout() throws Exception {
    try (Peer peer = new Peer(null)) {
      assertThrows(
          SocketTimeoutException.class,
          () ->
              PlainHttp.send(peer.uri("/"), "GET", Map.of(), null, SECOND, Duration.ofMillis(200)));
    }
  }

  @Test
  void noNodeListeningIsUnreachable() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port + "/");
    assertThrows(
        PlainHttp.Unreachable.class,
        () -> PlainHttp.send(nowhere, "GET", Map.of(), null, SECOND, SECOND));
  }

  /** Accepts one connection, reads the request head (and a body of its length), then answers. */
  private static final class Peer implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<String> request = new CompletableFuture<>();

    Peer(String answer) throws IOException {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      Thread.ofVirtual().start(() -> serve(answer));
    }

    private void serve(String answer) {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (!got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
          got.write(in.read());
        }
        String head = got.toString(StandardCharsets.ISO_8859_1);
        int at = head.indexOf("Content-Length: ");
        if (at >= 0) {
          int length = Integer.parseInt(head.substring(at + 16, head.indexOf('\r', at)));
          got.write(in.readNBytes(length));
        }
        request.complete(got.toString(StandardCharsets.ISO_8859_1));
        if (answer == null) {
          Thread.sleep(2_000); // says nothing
          return;
        }
        OutputStream out = s.getOutputStream();
        for (byte b : answer.getBytes(StandardCharsets.ISO_8859_1)) {
          out.write(b); // one byte at a time: the reader must not count on whole lines arriving
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        request.completeExceptionally(e);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port() + path);
    }

    String request() throws Exception {
      return request.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
