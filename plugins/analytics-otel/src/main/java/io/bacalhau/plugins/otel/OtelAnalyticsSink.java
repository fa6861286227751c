package io.bacalhau.plugins.otel;

import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the OpenTelemetry logs pipeline. The SDK is set up on a background thread (its
 * classes take a moment to load, and a job must not wait for that); events that come before it is
 * ready wait in a bounded buffer. Emitting only queues, so a slow or absent collector never holds
 * up the node.
 */
final class OtelAnalyticsSink implements AnalyticsSink {
  private static final Logger LOG = LoggerFactory.getLogger(OtelAnalyticsSink.class);

  private final Queue<AnalyticsEvent> early = new ArrayDeque<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private OtelLogs logs;
  private boolean closed;

  OtelAnalyticsSink(Supplier<OtelLogs> setup) {
    Thread.ofPlatform().daemon().name("bacalhau-analytics-setup").start(() -> start(setup));
  }

  private void start(Supplier<OtelLogs> setup) {
    try {
      OtelLogs started = setup.get();
      synchronized (this) {
        if (closed) {
          started.close();
          return;
        }
        logs = started;
        early.forEach(this::send);
        early.clear();
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug(
          "anonymous usage data disabled: the OpenTelemetry SDK did not start: {}", e.toString());
      synchronized (this) {
        early.clear();
      }
    } finally {
      ready.countDown();
    }
  }

  @Override
  public synchronized void emit(AnalyticsEvent event) {
    if (closed) {
      return;
    }
    if (logs != null) {
      send(event);
    } else if (early.size() < OtelLogs.MAX_QUEUE) {
      early.add(event);
    }
  }

  private void send(AnalyticsEvent event) {
    logs.emit(event.type(), event.properties());
  }

  /**
   * Waits for the setup and the flush, each at most the shutdown deadline; with nothing to send, a
   * setup still under way is not waited for.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (logs == null && early.isEmpty()) {
        closed = true; // the setup closes what it made when it sees this
        return;
      }
    }
    try {
      ready.await(OtelLogs.SHUTDOWN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    OtelLogs toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = logs;
    }
    if (toClose != null) {
      toClose.close();
    }
  }
}
