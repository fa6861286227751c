package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the API against every kind of caller: nobody, a wrong secret of each scheme, and a
 * user holding exactly one capability. Open routes answer everyone; the others answer 401 to the
 * first two, 403 to a capability that does not name the route's action and resource ({@code GET}
 * reads, everything else writes; jobs, nodes or agent), and reach the route otherwise.
 */
class RouteCapabilityTest {
  /** One route: its method, a concrete path, and the capability it needs (null when open). */
  record Route(String method, String path, String needs) {}

  static final List<Route> ROUTES =
      List.of(
          new Route("PUT", "/api/v1/orchestrator/jobs", "write:job"),
          new Route("POST", "/api/v1/orchestrator/jobs", "write:job"),
          new Route("PUT", "/api/v1/orchestrator/jobs/diff", "write:job"),
          new Route("GET", "/api/v1/orchestrator/jobs", "read:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none", "read:job"),
          new Route("DELETE", "/api/v1/orchestrator/jobs/j-none", "write:job"),
          new Route("PUT", "/api/v1/orchestrator/jobs/j-none/rerun", "write:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none/history", "read:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none/executions", "read:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none/versions", "read:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none/results", "read:job"),
          new Route("GET", "/api/v1/orchestrator/jobs/j-none/logs", "read:job"),
          new Route("GET", "/api/v1/orchestrator/nodes", "read:node"),
          new Route("GET", "/api/v1/orchestrator/nodes/n-none", "read:node"),
          new Route("PUT", "/api/v1/orchestrator/nodes/n-none", "write:node"),
          new Route("GET", "/api/v1/agent/node", "read:agent"),
          new Route("GET", "/api/v1/agent/config", "read:agent"),
          new Route("GET", "/api/v1/agent/debug", "read:agent"),
          new Route("GET", "/api/v1/agent/alive", null),
          new Route("GET", "/api/v1/agent/version", null),
          new Route("GET", "/api/v1/agent/authconfig", null),
          new Route("GET", "/api/v1/auth", null),
          new Route("GET", "/api/v1/auth/Password", null),
          new Route("POST", "/api/v1/auth/Password", null),
          new Route("GET", "/", null),
          new Route("GET", "/version", null),
          new Route("GET", "/livez", null));

  static final List<String> CAPABILITIES =
      List.of("read:job", "write:job", "read:node", "write:node", "read:agent", "write:agent");

  @TempDir static Path dir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static Api api;

  @BeforeAll
  static void start() {
    List<ApiUser> users = new ArrayList<>();
    for (String capability : CAPABILITIES) {
      users.add(new ApiUser("", "", key(capability), List.of(capability)));
      users.add(new ApiUser(user(capability), "pw-" + capability, "", List.of(capability)));
    }
    node = EmbeddedNodeTestSupport.client(dir.resolve("data"));
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0).withUsers(users), node);
    api = new Api(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  static String key(String capability) {
    return "key-" + capability.replace(':', '-');
  }

  static String user(String capability) {
    return "user-" + capability.replace(':', '-');
  }

  static String basic(String name, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static int status(Route route, String authorization) throws Exception {
    String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
    return (authorization == null
            ? api.call(route.method(), route.path(), body)
            : api.call(route.method(), route.path(), body, "Authorization", authorization))
        .status();
  }

  @Test
  void callersWithoutValidCredentialsAre401OnEveryClosedRoute() throws Exception {
    List<String> wrong =
        List.of(
            "Bearer not-a-key",
            "Bearer ",
            "Bearer " + key("read:job") + "x",
            basic(user("read:job"), "wrong"),
            basic("nobody", "pw-read:job"),
            "Basic !!!not-base64",
            "Digest " + key("read:job"),
            key("read:job"));
    List<String> failures = new ArrayList<>();
    for (Route route : ROUTES) {
      List<String> callers = new ArrayList<>(wrong);
      callers.add(null);
      for (String authorization : callers) {
        int status = status(route, authorization);
        boolean ok = route.needs() == null ? status != 401 && status != 403 : status == 401;
        if (!ok) {
          failures.add(route + " with " + authorization + ": " + status);
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void eachCapabilityReachesExactlyTheRoutesItNames() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Route route : ROUTES) {
      for (String capability : CAPABILITIES) {
        boolean granted = route.needs() == null || route.needs().equals(capability);
        for (String authorization :
            List.of("Bearer " + key(capability), basic(user(capability), "pw-" + capability))) {
          int status = status(route, authorization);
          boolean ok = granted ? status != 401 && status != 403 : status == 403;
          if (!ok) {
            failures.add(route + " as " + capability + " (" + authorization + "): " + status);
          }
        }
      }
    }
    assertEquals(List.of(), failures);
  }

  /**
   * The logs stream is a WebSocket, whose upgrade Helidon routes apart from the HTTP filters: it
   * checks the caller itself, and must refuse the same callers.
   */
  @Test
  void theLogsWebSocketUpgradeIsRefusedToCallersWithoutReadJob() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> callers = new ArrayList<>();
    callers.add(null);
    callers.add("Bearer not-a-key");
    for (String capability : CAPABILITIES) {
      callers.add("Bearer " + key(capability));
    }
    for (String authorization : callers) {
      boolean upgraded = upgrades("/api/v1/orchestrator/jobs/j-none/logs", authorization);
      boolean granted = ("Bearer " + key("read:job")).equals(authorization);
      if (upgraded != granted) {
        failures.add(authorization + (upgraded ? " was upgraded" : " was refused"));
      }
    }
    assertEquals(List.of(), failures);
  }

  /**
   * Whether the upgrade is accepted; an accepted stream is read to its end (the job is unknown).
   */
  private static boolean upgrades(String path, String authorization) throws Exception {
    WebSocket.Builder ws = HttpClient.newHttpClient().newWebSocketBuilder();
    if (authorization != null) {
      ws.header("Authorization", authorization);
    }
    CompletableFuture<Void> ended = new CompletableFuture<>();
    try {
      ws.buildAsync(
              URI.create("ws://127.0.0.1:" + server.port() + path),
              new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                  ended.complete(null);
                  return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                  ended.complete(null);
                }
              })
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException refused) {
      return false;
    }
    ended.get(10, TimeUnit.SECONDS);
    return true;
  }

  @Test
  void aForbiddenAnswerNamesTheMissingCapability() throws Exception {
    Api.Answer answer =
        api.call(
            "GET",
            "/api/v1/orchestrator/nodes",
            null,
            "Authorization",
            "Bearer " + key("read:job"));
    assertEquals(403, answer.status());
    assertTrue(answer.json().get("Message").asText().contains("read:node"), answer.raw());
  }
}
