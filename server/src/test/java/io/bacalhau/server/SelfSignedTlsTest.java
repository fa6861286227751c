package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API.TLS.SelfSigned: the server makes its own certificate and serves https with it. */
class SelfSignedTlsTest {
  @TempDir static Path dir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static String base;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dir.resolve("data"));
    server =
        ApiServer.start(
            ServerSettings.open("127.0.0.1", 0).withSelfSigned(dir.resolve("data/tls")), node);
    base = "https://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  @Test
  void anInsecureClientTalksToIt() throws Exception {
    assertTrue(server.tls());
    String out = Api.curl("--insecure", "-w", "\n%{http_code}", base + "/api/v1/agent/alive");
    assertTrue(out.endsWith("\n200"), out);
    assertTrue(out.contains("\"Status\":\"OK\""), out);
  }

  @Test
  void aClientThatChecksCertificatesRefusesIt() {
    assertThrows(() -> Api.curl(base + "/api/v1/agent/alive"));
  }

  @Test
  void theCertificateNamesLocalhostAndTheLoopbackAddress() throws Exception {
    X509Certificate cert = servedCertificate();
    List<String> names =
        cert.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    assertTrue(names.contains("localhost") && names.contains("127.0.0.1"), names.toString());
  }

  @Test
  void theKeystoreIsReadableByItsUserOnly() throws Exception {
    Path store = dir.resolve("data/tls/api-self-signed.p12");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(store.getParent())));
  }

  private static void assertThrows(org.junit.jupiter.api.function.Executable call) {
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, call);
  }

  /** The certificate the server presents, read without judging it. */
  private static X509Certificate servedCertificate() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new Anything()}, null);
    try (SSLSocket s =
        (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      s.startHandshake();
      X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
      assertFalse(cert.getSubjectAlternativeNames().isEmpty());
      return cert;
    }
  }

  /** Trusts any certificate: only to look at the one served. */
  private static final class Anything implements X509TrustManager {
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
