package io.bacalhau.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.time.Duration;

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

  /** Starts pinging; interrupt the returned thread to stop. */
  Thread start(WsSession session) {
    return Thread.ofVirtual()
        .name("logs-keepalive")
        .start(
            () -> {
              try {
                while (true) {
                  Thread.sleep(every);
                  session.ping(BufferData.empty());
                }
              } catch (InterruptedException | RuntimeException stopped) {
                // Stopped with its stream, or the connection is gone: either way, done.
              }
            });
  }
}
