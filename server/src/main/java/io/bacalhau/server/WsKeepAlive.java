package io.bacalhau.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pings a WebSocket's client on an interval. Helidon counts a connection as idle until the client
 * sends a frame, and a followed log stream of a quiet job has nothing to say for minutes; each ping
 * makes a live client answer with a pong, which keeps the connection from Helidon's idle timeout. A
 * client that has gone away answers nothing, so the idle timeout still ends its connection. Each
 * stream pings from a virtual thread of its own: a write that blocks on a dead peer holds up no
 * other stream.
 */
final class WsKeepAlive {
  private final Duration every;

  WsKeepAlive(Duration every) {
    this.every = every;
  }

  /**
   * Starts pinging until the returned latch is counted down. Not stopped by an interrupt: an
   * interrupt that lands while the thread writes a ping closes the socket's channel under the
   * stream, which then loses its last lines and its close frame.
   */
  CountDownLatch start(WsSession session) {
    CountDownLatch stop = new CountDownLatch(1);
    Thread.ofVirtual()
        .name("logs-keepalive")
        .start(
            () -> {
              try {
                while (!stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                  session.ping(BufferData.empty());
                }
              } catch (InterruptedException | RuntimeException stopped) {
                // The connection is gone: done.
              }
            });
    return stop;
  }
}
