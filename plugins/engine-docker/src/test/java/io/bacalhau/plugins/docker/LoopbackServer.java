package io.bacalhau.plugins.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A tiny HTTP server on 127.0.0.1 that answers every request with one body, in a single write, so
 * even a crude client such as busybox nc sees the whole response.
 */
final class LoopbackServer implements AutoCloseable {
  private final ServerSocket server;
  private final byte[] response;

  private LoopbackServer(ServerSocket server, String body) {
    this.server = server;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    this.response =
        ("HTTP/1.0 200 OK\r\nContent-Length: " + bytes.length + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.UTF_8);
  }

  static LoopbackServer start(String body) throws IOException {
    LoopbackServer s =
        new LoopbackServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), body);
    Thread.ofVirtual().start(s::accept);
    return s;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> answer(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void answer(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      client.getOutputStream().write(response);
      client.getOutputStream().flush();
    } catch (IOException e) {
      // the client went away
    }
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
