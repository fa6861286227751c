package io.bacalhau.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 endpoint on 127.0.0.1 that keeps every request and counts every accepted connection
 * and every byte read, so a test can prove that nothing at all was sent (a connection that sends no
 * request still counts). It answers each request with 200, or, when silent, never answers (a hung
 * server).
 */
public final class LoopbackHttpServer implements AutoCloseable {
  /** One request as it arrived. */
  public record Request(String method, String path, byte[] body) {}

  private final ServerSocket server;
  private final boolean answer;
  private final AtomicInteger connections = new AtomicInteger();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<Request> requests = new ArrayList<>();
  private final List<Socket> open = new ArrayList<>();

  /** A server that answers every request with 200. */
  public static LoopbackHttpServer answering() throws IOException {
    return new LoopbackHttpServer(true);
  }

  /** A server that accepts connections and reads requests but never answers. */
  public static LoopbackHttpServer silent() throws IOException {
    return new LoopbackHttpServer(false);
  }

  private LoopbackHttpServer(boolean answer) throws IOException {
    this.answer = answer;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("loopback-http").start(this::acceptLoop);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int connections() {
    return connections.get();
  }

  /** Every byte read, heads and bodies; protobuf and JSON keep strings as plain UTF-8. */
  public synchronized String received() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  public synchronized long bytes() {
    return received.size();
  }

  public synchronized List<Request> requests() {
    return List.copyOf(requests);
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

  /** Keep-alive: requests follow each other on one connection. */
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
        String[] start = lines[0].split(" ");
        synchronized (this) {
          received.writeBytes(body);
          requests.add(new Request(start[0], start[1], body));
        }
        if (!answer) {
          in.readAllBytes(); // hold the connection until the client gives up
          return;
        }
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException gone) {
      // the client went away
    }
  }

  private String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      synchronized (this) {
        received.write(b);
      }
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
