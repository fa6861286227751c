package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API.Auth.Users over TLS: who is refused (401), who is not allowed (403), who gets in. */
class AuthAndTlsTest {
  private static final String READER_KEY = "reader-key-123";
  private static final String ADMIN_KEY = "admin-key-456";

  @TempDir static Path dir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static String base;
  static Path cert;

  @BeforeAll
  static void start() throws Exception {
    cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1")
            .redirectErrorStream(true)
            .start();
    openssl.getInputStream().readAllBytes();
    assertEquals(0, openssl.waitFor(), "openssl made the certificate");
    String hash = BCrypt.withDefaults().hashToString(4, "s3cret-pass".toCharArray());
    List<ApiUser> users =
        List.of(
            new ApiUser("", "", READER_KEY, List.of("read:job", "read:agent")),
            new ApiUser("", "", ADMIN_KEY, List.of("*")),
            new ApiUser("alice", hash, "", List.of("write:*", "read:job")),
            new ApiUser("bob", "plain-pass", "", List.of("read:node")));
    node = EmbeddedNodeTestSupport.client(dir.resolve("data"));
    server =
        ApiServer.start(
            ServerSettings.open("127.0.0.1", 0).withUsers(users).withTls(cert, key), node);
    base = "https://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  /** curl with the test's CA: prints the status code after the body. */
  private static String curl(String method, String path, String... auth) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--cacert", cert.toString(), "-X", method, "-w", "\n%{http_code}"));
    args.addAll(List.of(auth));
    args.add(base + path);
    return Api.curl(args.toArray(String[]::new));
  }

  private static String bearer(String key) {
    return "Authorization: Bearer " + key;
  }

  private static String basic(String user, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int status(String curlOut) {
    return Integer.parseInt(curlOut.substring(curlOut.lastIndexOf('\n') + 1).strip());
  }

  @Test
  void aliveAndVersionStayOpen() throws Exception {
    assertEquals(200, status(curl("GET", "/api/v1/agent/alive")));
    assertEquals(200, status(curl("GET", "/api/v1/agent/version")));
  }

  @Test
  void noCredentialsOrWrongOnesAre401() throws Exception {
    String none = curl("GET", "/api/v1/orchestrator/jobs");
    assertEquals(401, status(none));
    assertTrue(none.contains("authentication required"), none);
    String wrong = curl("GET", "/api/v1/orchestrator/jobs", "-H", bearer("nope"));
    assertEquals(401, status(wrong));
    assertFalse(wrong.contains("nope"), "the rejected secret is not echoed: " + wrong);
    assertEquals(
        401, status(curl("GET", "/api/v1/orchestrator/jobs", "-H", basic("alice", "wrong"))));
  }

  @Test
  void eachCapabilityGrantsWhatItNames() throws Exception {
    assertEquals(200, status(curl("GET", "/api/v1/orchestrator/jobs", "-H", bearer(READER_KEY))));
    assertEquals(200, status(curl("GET", "/api/v1/agent/node", "-H", bearer(READER_KEY))));
    String forbidden = curl("GET", "/api/v1/orchestrator/nodes", "-H", bearer(READER_KEY));
    assertEquals(403, status(forbidden));
    assertTrue(forbidden.contains("read:node"), forbidden);
    assertEquals(
        403, status(curl("DELETE", "/api/v1/orchestrator/jobs/j-x", "-H", bearer(READER_KEY))));

    assertEquals(200, status(curl("GET", "/api/v1/orchestrator/nodes", "-H", bearer(ADMIN_KEY))));
    // alice's bcrypt password: write anything, read jobs, not nodes.
    assertEquals(
        404,
        status(
            curl("DELETE", "/api/v1/orchestrator/jobs/j-x", "-H", basic("alice", "s3cret-pass"))),
        "allowed through to the route, which does not know the job");
    assertEquals(
        403,
        status(curl("GET", "/api/v1/orchestrator/nodes", "-H", basic("alice", "s3cret-pass"))));
    assertEquals(
        200, status(curl("GET", "/api/v1/orchestrator/nodes", "-H", basic("bob", "plain-pass"))));
    assertEquals(
        403, status(curl("GET", "/api/v1/agent/config", "-H", basic("bob", "plain-pass"))));
  }

  @Test
  void plainHttpIsNotServedOnTheTlsPort() {
    assertTrue(server.tls());
    assertFalse(
        canCurl("http://127.0.0.1:" + server.port() + "/api/v1/agent/alive"),
        "the TLS port does not answer plain HTTP");
  }

  private static boolean canCurl(String url) {
    try {
      String out = Api.curl("-w", "\n%{http_code}", url);
      return status(out) == 200;
    } catch (Exception | AssertionError e) {
      return false;
    }
  }
}
