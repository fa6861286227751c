package io.bacalhau.transport.nats.broker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * TLS of a supervised broker ({@code Orchestrator.TLS.ServerCert}, {@code ServerKey}, {@code
 * ServerTimeout}): clients must then speak TLS and are shown this certificate. Client certificates
 * are not asked for; compute nodes still prove themselves with the token.
 *
 * @param timeout how long nats-server gives a client's TLS handshake; null for its default
 */
public record BrokerTls(Path certFile, Path keyFile, Duration timeout) {
  public static final BrokerTls NONE = new BrokerTls(null, null, null);

  public boolean enabled() {
    return certFile != null;
  }
}
