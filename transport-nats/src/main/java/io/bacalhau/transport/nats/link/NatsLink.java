package io.bacalhau.transport.nats.link;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one adapter to jnats: publish, subscribe, request/reply and connection events, in terms of
 * subjects and bytes. It reconnects forever with a short wait; what it sent while the broker was
 * away is the sequence layer's business, not its.
 */
public final class NatsLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsLink.class);

  private final Connection connection;
  private final String where;
  private final List<LinkListener> listeners;

  private NatsLink(Connection connection, String where, List<LinkListener> listeners) {
    this.connection = connection;
    this.where = where;
    this.listeners = listeners;
  }

  /** Tells {@code listener} about losing and regaining the broker from now on. */
  public void addListener(LinkListener listener) {
    listeners.add(listener);
  }

  /**
   * Connects, or fails with an error naming the broker: unreachable (code ServiceUnavailable) or
   * refusing the token (code Unauthorized).
   */
  public static NatsLink connect(LinkSettings settings) {
    String where = String.join(",", settings.urls());
    List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    Options.Builder options =
        new Options.Builder()
            .servers(settings.urls().toArray(String[]::new))
            .connectionName(settings.connectionName())
            .connectionTimeout(settings.connectTimeout())
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(250))
            .connectionListener(events(listeners, where))
            .errorListener(errors(where));
    if (!settings.token().isEmpty()) {
      options.token(settings.token().toCharArray());
    }
    try {
      return new NatsLink(Nats.connect(options.build()), where, listeners);
    } catch (AuthenticationException e) {
      throw BacalhauException.builder(
              ErrorCode.UNAUTHORIZED, "the NATS broker at " + where + " refused this node's token")
          .component("NATS")
          .hint("Compute.Auth.Token must equal the orchestrator's Orchestrator.Auth.Token")
          .cause(e)
          .build();
    } catch (IOException e) {
      throw BacalhauException.builder(
              ErrorCode.SERVICE_UNAVAILABLE,
              "the NATS broker at " + where + " is unreachable: " + e.getMessage())
          .component("NATS")
          .hint("check that the orchestrator (or the NATS server) is running at that address")
          .retryable(true)
          .cause(e)
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BacalhauException.of(ErrorCode.REQUEST_CANCELLED, "interrupted connecting to " + where);
    }
  }

  public void publish(String subject, byte[] data) {
    connection.publish(subject, data);
  }

  /**
   * Delivers each message on {@code subject} (wildcards allowed), in order, on a thread of this
   * subscription's own: a slow handler of results must not hold up heartbeats on another subject.
   */
  public AutoCloseable subscribe(String subject, InboundHandler handler) {
    Dispatcher dispatcher =
        connection.createDispatcher(
            (Message m) -> handler.onMessage(m.getSubject(), m.getData(), m.getReplyTo()));
    dispatcher.subscribe(subject);
    return () -> connection.closeDispatcher(dispatcher);
  }

  /** Sends a request and waits for the one reply, or fails naming the subject. */
  public byte[] request(String subject, byte[] data, Duration timeout) {
    try {
      return connection
          .request(subject, data)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .getData();
    } catch (TimeoutException | ExecutionException e) {
      throw BacalhauException.builder(
              ErrorCode.TIME_OUT,
              "no answer on "
                  + subject
                  + " within "
                  + timeout
                  + " from the orchestrator at "
                  + where)
          .component("NATS")
          .retryable(true)
          .build();
    } catch (CancellationException e) {
      // jnats cancels a request the broker answers with "no responders": the broker is up but
      // no orchestrator listens (killed, or still starting). Callers retry, as after a timeout.
      throw BacalhauException.builder(
              ErrorCode.SERVICE_UNAVAILABLE,
              "nothing answers on "
                  + subject
                  + " at "
                  + where
                  + ": the orchestrator is not running")
          .component("NATS")
          .retryable(true)
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BacalhauException.of(ErrorCode.REQUEST_CANCELLED, "interrupted waiting on " + subject);
    }
  }

  /** Waits until what was published reached the broker, so a test or a shutdown can rely on it. */
  public void flush(Duration timeout) {
    try {
      connection.flush(timeout);
    } catch (TimeoutException e) {
      LOG.warn("NATS at {} did not confirm within {}", where, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean connected() {
    return connection.getStatus() == Connection.Status.CONNECTED;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ConnectionListener events(List<LinkListener> listeners, String where) {
    // jnats says DISCONNECTED after every failed attempt (four a second): one warning per outage.
    AtomicBoolean away = new AtomicBoolean();
    return (conn, event) -> {
      switch (event) {
        case DISCONNECTED -> {
          if (!away.getAndSet(true)) {
            LOG.warn("lost the NATS broker at {}; reconnecting", where);
          }
          listeners.forEach(LinkListener::disconnected);
        }
        case RECONNECTED -> {
          away.set(false);
          LOG.info("reconnected to the NATS broker at {}", where);
          listeners.forEach(LinkListener::reconnected);
        }
        default -> {}
      }
    };
  }

  private static ErrorListener errors(String where) {
    return new ErrorListener() {
      @Override
      public void errorOccurred(Connection conn, String error) {
        if (error != null && error.toLowerCase(java.util.Locale.ROOT).contains("authorization")) {
          LOG.error(
              "the NATS broker at {} refused this node's token ({}); Compute.Auth.Token must equal"
                  + " Orchestrator.Auth.Token",
              where,
              error);
        } else {
          LOG.warn("NATS at {}: {}", where, error);
        }
      }
    };
  }
}
