package io.bacalhau.transport.nats.link;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a connection to the broker uses TLS: not at all, with the system's CAs ({@code required}
 * alone, or a {@code tls://} URL), or trusting the CA certificates (PEM) in {@code caFile}. The
 * broker's certificate must chain to one of them; a broker without TLS is then refused.
 *
 * @param caFile PEM file of the CA(s) to trust, or null for the system's
 * @param required whether TLS is wanted even without a CA file
 * @param caKey the configuration key {@code caFile} came from, named in errors
 */
public record LinkTls(Path caFile, boolean required, String caKey) {
  public static final LinkTls NONE = new LinkTls(null, false, "");

  public LinkTls {
    caKey = caKey == null ? "" : caKey;
  }

  public static LinkTls trusting(Path caFile, String caKey) {
    return new LinkTls(caFile, true, caKey);
  }

  public boolean enabled() {
    return required || caFile != null;
  }

  /** The TLS context the connection uses; fails naming the CA file when it cannot be read. */
  public SSLContext context() {
    try {
      if (caFile == null) {
        return SSLContext.getDefault();
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      Collection<? extends Certificate> cas;
      try (InputStream in = Files.newInputStream(caFile)) {
        cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (cas.isEmpty()) {
        throw new GeneralSecurityException("no certificate in it");
      }
      int i = 0;
      for (Certificate ca : cas) {
        trust.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              caKey + ": cannot read CA certificate(s) from " + caFile + ": " + e.getMessage())
          .component("NATS")
          .hint("give a PEM file holding the certificate of the CA that signed the broker's")
          .build();
    }
  }
}
