package io.bacalhau.transport.nats.link;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.util.Locale;

/**
 * A first connection that failed over TLS, said in terms of what to configure; null for other
 * failures. jnats gives the reason as text only: "SSL required by server", "SSL connection wanted
 * by client", or the JDK's handshake exception.
 */
final class TlsFailure {
  private TlsFailure() {}

  static BacalhauException of(Exception failure, String where, LinkTls tls) {
    if (failure == null) {
      return null;
    }
    String text = messages(failure);
    String lower = text.toLowerCase(Locale.ROOT);
    String caKey = tls.caKey().isEmpty() ? "Compute.TLS.CACert" : tls.caKey();
    if (lower.contains("ssl required by server")) {
      return error(
              "the NATS broker at " + where + " requires TLS, and this node does not use it",
              failure)
          .hint(
              "set "
                  + caKey
                  + " to the PEM file of the CA that signed the orchestrator's certificate")
          .build();
    }
    if (lower.contains("ssl connection wanted by client")) {
      return error(
              "the NATS broker at "
                  + where
                  + " does not offer TLS, and this node requires it ("
                  + caKey
                  + (tls.caFile() == null ? " is not set, TLS is required" : " is set")
                  + ")",
              failure)
          .hint(
              "turn TLS on at the orchestrator (Orchestrator.TLS.ServerCert and ServerKey), or"
                  + " leave this node's TLS settings unset")
          .build();
    }
    if (lower.contains("sslhandshake") || lower.contains("pkix") || lower.contains("certificate")) {
      String trusted = tls.caFile() == null ? "the system's CAs" : "the CA in " + tls.caFile();
      return error(
              "the NATS broker at "
                  + where
                  + " presented a certificate that "
                  + trusted
                  + " did not sign: "
                  + rootMessage(failure),
              failure)
          .hint(
              "set "
                  + caKey
                  + " to the PEM file of the CA that signed the orchestrator's"
                  + " Orchestrator.TLS.ServerCert")
          .build();
    }
    return null;
  }

  private static BacalhauException.Builder error(String message, Exception cause) {
    return BacalhauException.builder(ErrorCode.CONFIGURATION_ERROR, message)
        .component("NATS")
        .cause(cause);
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
