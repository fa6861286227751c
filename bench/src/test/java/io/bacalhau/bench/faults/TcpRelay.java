package io.bacalhau.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port in front of a real server that a test can take down and bring back: while down,
 * the port refuses connections and every relayed connection is cut, as when the server's process
 * dies; brought back on the same port, it relays again. Lets a node keep its configured endpoint
 * while the service behind it goes away, without touching a server other tests share.
 */
final class TcpRelay implements AutoCloseable {
  private final int port;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;
  private volatile long uploadBytesPerSecond;

  TcpRelay(int port, InetSocketAddress target) {
    this.port = port;
    this.target = target;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /**
   * Slows what clients send to this rate, so that a test can act while an upload is under way
   * (loopback would finish it before the test could look).
   */
  TcpRelay throttleUploads(long bytesPerSecond) {
    this.uploadBytesPerSecond = bytesPerSecond;
    return this;
  }

  /** Starts relaying (again). */
  void up() throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = s;
    Thread.ofVirtual().name("relay-accept").start(() -> accept(s));
  }

  /** Refuses new connections and cuts the relayed ones. */
  void down() {
    ServerSocket s = listener;
    listener = null;
    closeQuietly(s);
    open.forEach(TcpRelay::closeQuietly);
    open.clear();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        open.add(client);
        try {
          Socket server = new Socket(target.getAddress(), target.getPort());
          open.add(server);
          pump(client, server, uploadBytesPerSecond);
          pump(server, client, 0);
        } catch (IOException refused) {
          closeQuietly(client); // the server behind is down: so is this connection
        }
      } catch (IOException closed) {
        // down()
      }
    }
  }

  private void pump(Socket from, Socket to, long bytesPerSecond) {
    Thread.ofVirtual()
        .name("relay-pump")
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                  if (bytesPerSecond > 0) {
                    Thread.sleep(n * 1000L / bytesPerSecond);
                  }
                }
              } catch (IOException | InterruptedException cut) {
                // one side went away
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    down();
  }
}
