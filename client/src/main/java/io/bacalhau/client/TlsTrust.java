package io.bacalhau.client;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The TLS context an endpoint asks for: the JDK's trust, a CA bundle, or (insecure) any. */
final class TlsTrust {
  private TlsTrust() {}

  static SSLContext context(ApiEndpoint endpoint) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (endpoint.insecure()) {
        context.init(null, new TrustManager[] {new TrustingAnything()}, new SecureRandom());
      } else if (endpoint.caFile() != null) {
        context.init(null, fromBundle(endpoint).getTrustManagers(), new SecureRandom());
      } else {
        return SSLContext.getDefault();
      }
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              "API.TLS.CAFile " + endpoint.caFile() + " cannot be used: " + e.getMessage())
          .component("Client")
          .hint("Give a PEM file of the certificates that signed the node's certificate.")
          .build();
    }
  }

  private static TrustManagerFactory fromBundle(ApiEndpoint endpoint)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(endpoint.caFile())) {
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }

  /** What API.TLS.Insecure asks for: no check of the node's certificate at all. */
  private static final class TrustingAnything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
