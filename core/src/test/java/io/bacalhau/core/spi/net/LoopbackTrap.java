package io.bacalhau.core.spi.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback socket that counts the connections made to it and closes each at once. Tests of the
 * address policy point refused names at it (the system resolves {@code localhost} here while the
 * resolver stand-in says it is internal), so a fetcher that failed to refuse is caught connecting
 * without a packet ever leaving loopback.
 */
public final class LoopbackTrap implements AutoCloseable {
  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();

  public LoopbackTrap() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("loopback-trap").start(this::count);
  }

  private void count() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        connections.incrementAndGet();
        s.close();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** How many connections were made so far. */
  public int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
