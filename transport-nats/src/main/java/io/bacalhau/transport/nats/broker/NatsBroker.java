package io.bacalhau.transport.nats.broker;

import io.bacalhau.transport.nats.link.LinkSettings;
import io.bacalhau.transport.nats.link.NatsLink;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's broker. Supervised: a {@code nats-server} started here and started again on
 * the same port when it dies, until this is closed. External: a URL checked once at start. Either
 * way a missing binary or an unreachable broker fails {@link #start} with an error that names it.
 */
public final class NatsBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsBroker.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final BrokerSettings settings;
  private final Path binary;
  private volatile NatsServer server;
  private volatile int port;
  private volatile boolean closed;
  // A JVM that exits without closing the broker must not leave nats-server holding the port.
  private final Thread exitHook = new Thread(this::close, "nats-server-stop");

  private NatsBroker(BrokerSettings settings, Path binary) {
    this.settings = settings;
    this.binary = binary;
    this.port = settings.port();
  }

  public static NatsBroker start(BrokerSettings settings) {
    if (settings.isExternal()) {
      // Fails with the URL in the message when nothing answers there or the token is refused.
      NatsLink.connect(LinkSettings.of(settings.externalUrl(), settings.token(), "probe")).close();
      return new NatsBroker(settings, null);
    }
    NatsBroker broker = new NatsBroker(settings, NatsServerBinary.require());
    broker.launch();
    Runtime.getRuntime().addShutdownHook(broker.exitHook);
    return broker;
  }

  /** The URL clients on this machine use to reach the broker. */
  public String clientUrl() {
    if (settings.isExternal()) {
      return settings.externalUrl();
    }
    String host = settings.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return "nats://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  public String token() {
    return settings.token();
  }

  /** The running nats-server's process id; -1 for an external broker. */
  public long pid() {
    NatsServer current = server;
    return current == null ? -1 : current.process().pid();
  }

  /** Stops the broker process and starts it again on the same port (its clients reconnect). */
  public synchronized void restart() {
    requireSupervised();
    NatsServer old = server;
    server = null;
    old.stop();
    launch();
  }

  @Override
  public synchronized void close() {
    if (binary != null && !closed && Thread.currentThread() != exitHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(exitHook);
      } catch (IllegalStateException e) {
        // The JVM is already exiting: the hook runs (or ran) this anyway.
      }
    }
    closed = true;
    NatsServer current = server;
    server = null;
    if (current != null) {
      current.stop();
    }
  }

  private synchronized void launch() {
    Path dir =
        settings.workDir() != null
            ? settings.workDir()
            : Path.of(System.getProperty("java.io.tmpdir"));
    NatsServer started =
        NatsServer.start(
            binary,
            settings.host(),
            port,
            settings.token(),
            settings.tls(),
            dir,
            settings.startTimeout());
    port = started.port();
    server = started;
    LOG.info(
        "NATS broker (nats-server pid {}) listening on {}", started.process().pid(), clientUrl());
    started.process().onExit().thenRun(() -> exited(started));
  }

  private void exited(NatsServer which) {
    if (closed || server != which) {
      return;
    }
    LOG.error(
        "nats-server (pid {}) exited with code {}; starting it again on port {}",
        which.process().pid(),
        which.process().exitValue(),
        port);
    Thread.ofVirtual().name("nats-server-restart").start(this::relaunch);
  }

  private void relaunch() {
    Duration backoff = Duration.ofMillis(100);
    while (!closed) {
      try {
        synchronized (this) {
          if (!closed) {
            launch();
          }
        }
        return;
      } catch (RuntimeException e) {
        LOG.error("restarting nats-server failed: {}; next try in {}", e.getMessage(), backoff);
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
  }

  private void requireSupervised() {
    if (settings.isExternal() || server == null) {
      throw new IllegalStateException(
          "the broker at " + clientUrl() + " is not run by this process");
    }
  }
}
