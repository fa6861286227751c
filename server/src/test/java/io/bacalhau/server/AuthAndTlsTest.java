package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
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
  void signInDiscoveryIsOpenAndOffersThePasswordMethod() throws Exception {
    String methods = curl("GET", "/api/v1/auth");
    assertEquals(200, status(methods), methods);
    JsonNode list = json(methods);
    assertEquals("", list.get("NextToken").asText());
    JsonNode password = list.get("Methods").get("Password");
    assertEquals("ask", password.get("type").asText(), methods);
    assertEquals(
        List.of("username", "password"),
        Api.JSON.convertValue(password.get("params").get("required"), List.class));
    assertTrue(
        password.get("params").get("properties").get("password").get("writeOnly").asBoolean());
    assertEquals(1, list.get("Methods").size(), "API keys need no sign-in: " + methods);

    String one = curl("GET", "/api/v1/auth/Password");
    assertEquals(200, status(one), one);
    assertEquals(password, json(one));

    String challenge = curl("GET", "/api/v1/auth/ClientKey");
    assertEquals(404, status(challenge), challenge);
    assertTrue(json(challenge).get("Message").asText().contains("it offers: Password"), challenge);

    String authconfig = curl("GET", "/api/v1/agent/authconfig");
    assertEquals(200, status(authconfig), authconfig);
    assertEquals("{\"Version\":\"1.0.0\",\"Config\":{}}", body(authconfig));
  }

  @Test
  void aPasswordBuysASessionTokenThatCarriesTheUsersCapabilities() throws Exception {
    String answer = signIn("alice", "s3cret-pass");
    assertEquals(200, status(answer), answer);
    JsonNode authentication = json(answer).get("Authentication");
    assertTrue(authentication.get("success").asBoolean(), answer);
    String token = authentication.get("token").asText();
    assertFalse(token.contains("s3cret-pass"));

    assertEquals(200, status(curl("GET", "/api/v1/orchestrator/jobs", "-H", bearer(token))));
    assertEquals(
        403,
        status(curl("GET", "/api/v1/orchestrator/nodes", "-H", bearer(token))),
        "alice may read jobs, not nodes");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    assertEquals(401, status(curl("GET", "/api/v1/orchestrator/jobs", "-H", bearer(forged))));

    String refused = signIn("alice", "wrong");
    assertEquals(401, status(refused), refused);
    assertEquals(
        "{\"Authentication\":{\"success\":false,\"reason\":\"credentials rejected\"}}",
        body(refused));
    String garbled =
        curl(
            "POST",
            "/api/v1/auth/Password",
            "-H",
            "Content-Type: application/json",
            "-d",
            "{\"Name\": \"Password\", \"MethodData\": \"not base64!\"}");
    assertEquals(400, status(garbled), garbled);
    assertTrue(json(garbled).get("Message").asText().contains("MethodData"), garbled);
  }

  /** Signs in as Bacalhau's Go client does: MethodData is base64 of the answers' JSON. */
  private static String signIn(String user, String password) throws Exception {
    String answers =
        Api.JSON.writeValueAsString(java.util.Map.of("username", user, "password", password));
    String data = Base64.getEncoder().encodeToString(answers.getBytes(StandardCharsets.UTF_8));
    return curl(
        "POST",
        "/api/v1/auth/Password",
        "-H",
        "Content-Type: application/json",
        "-d",
        "{\"Name\": \"Password\", \"MethodData\": \"" + data + "\"}");
  }

  private static String body(String curlOut) {
    return curlOut.substring(0, curlOut.lastIndexOf('\n'));
  }

  private static JsonNode json(String curlOut) throws Exception {
    return Api.JSON.readTree(body(curlOut));
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
