package io.bacalhau.plugins.otel;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real OTLP/HTTP collector for tests, on 127.0.0.1: answers POST /v1/logs, decodes the body with
 * the published OTLP protobuf classes, and counts every accepted connection and every byte read, so
 * a test can prove that nothing at all was sent.
 */
final class OtlpHttpReceiver implements AutoCloseable {
  private final ServerSocket server;
  private final boolean answer;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final List<ExportLogsServiceRequest> requests = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();

  /** A collector that answers every export with 200. */
  static OtlpHttpReceiver start() throws IOException {
    return new OtlpHttpReceiver(true);
  }

  /** A collector that accepts connections and reads, but never answers (a hung collector). */
  static OtlpHttpReceiver silent() throws IOException {
    return new OtlpHttpReceiver(false);
  }

  private OtlpHttpReceiver(boolean answer) throws IOException {
    this.answer = answer;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("otlp-receiver").start(this::acceptLoop);
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  long bytes() {
    return bytes.get();
  }

  synchronized List<ExportLogsServiceRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized List<String> paths() {
    return List.copyOf(paths);
  }

  /** Waits until at least {@code count} export requests arrived. */
  synchronized void awaitRequests(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requests.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("collector got " + requests.size() + " exports, wanted " + count);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        synchronized (this) {
          open.add(socket);
        }
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** HTTP/1.1 with keep-alive: requests follow each other on one connection. */
  private void serve(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        int length = 0;
        for (String line : lines) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        byte[] body = in.readNBytes(length);
        bytes.addAndGet(body.length);
        ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
        synchronized (this) {
          paths.add(lines[0].split(" ")[1]);
          requests.add(request);
          notifyAll();
        }
        if (!answer) {
          in.readAllBytes(); // hold the connection until the client gives up
          return;
        }
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      bytes.incrementAndGet();
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  @Override
  public synchronized void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
