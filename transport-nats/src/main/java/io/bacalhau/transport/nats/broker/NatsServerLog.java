package io.bacalhau.transport.nats.broker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what one {@code nats-server} process prints: learns its port and when it is ready, keeps
 * the last lines for an error message, and turns a refused client into the orchestrator's side of
 * "wrong token" or a failed TLS handshake (the broker is what refuses it, so only its log knows).
 */
final class NatsServerLog {
  private static final Logger LOG = LoggerFactory.getLogger(NatsServer.class);
  private static final Pattern LISTENING =
      Pattern.compile("Listening for client connections on (\\S+):(\\d+)");
  private static final Pattern CLIENT = Pattern.compile("\\] (\\S+:\\d+) - cid:");
  private static final int KEPT = 20;

  private final Deque<String> tail = new ArrayDeque<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile int port;

  void line(String line) {
    synchronized (tail) {
      tail.addLast(line);
      if (tail.size() > KEPT) {
        tail.removeFirst();
      }
    }
    Matcher listening = LISTENING.matcher(line);
    if (listening.find()) {
      port = Integer.parseInt(listening.group(2));
    }
    if (line.contains("Server is ready")) {
      ready.countDown();
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (lower.contains("authentication error") || lower.contains("authorization violation")) {
      Matcher client = CLIENT.matcher(line);
      LOG.warn(
          "NATS broker refused a client{}: wrong or missing token (compute nodes need"
              + " Compute.Auth.Token equal to Orchestrator.Auth.Token)",
          client.find() ? " at " + client.group(1) : "");
    } else if (lower.contains("tls handshake")) {
      Matcher client = CLIENT.matcher(line);
      LOG.warn(
          "NATS broker: TLS handshake with a client{} failed ({}); compute nodes need"
              + " Compute.TLS.CACert naming the CA that signed Orchestrator.TLS.ServerCert",
          client.find() ? " at " + client.group(1) : "",
          line.substring(line.toLowerCase(Locale.ROOT).indexOf("tls handshake")));
    } else {
      LOG.debug("nats-server: {}", line);
    }
  }

  CountDownLatch ready() {
    return ready;
  }

  int port() {
    return port;
  }

  String tail() {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }
}
