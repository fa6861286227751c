package io.bacalhau.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.api.AliveResponse;
import io.bacalhau.core.client.api.ConfigResponse;
import io.bacalhau.core.client.api.VersionResponse;
import io.bacalhau.core.version.BuildInfo;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/v1/agent}: whether the node is alive, its version, its info, config, debug, and where
 * its users sign in with single sign-on ({@code authconfig}).
 */
final class AgentRoutes implements HttpService {
  static final String PREFIX = "/api/v1/agent";

  private final NodeClient node;
  private final Map<String, Object> maskedConfig;
  private final AuthConfigResponse authConfig;

  AgentRoutes(NodeClient node, Map<String, Object> maskedConfig, Oauth2Config oauth2) {
    this.node = node;
    this.maskedConfig = maskedConfig;
    this.authConfig = new AuthConfigResponse("1.0.0", oauth2);
  }

  /** Bacalhau's GetAgentNodeAuthConfigResponse. */
  @JsonPropertyOrder({"Version", "Config"})
  record AuthConfigResponse(
      @JsonProperty("Version") String version, @JsonProperty("Config") Oauth2Config config) {}

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/alive", (req, res) -> ApiJson.send(res, new AliveResponse("OK")))
        .get("/version", (req, res) -> ApiJson.send(res, VersionResponse.of(BuildInfo.current())))
        .get("/node", (req, res) -> ApiJson.send(res, node.nodeInfo()))
        .get("/config", (req, res) -> ApiJson.send(res, new ConfigResponse(maskedConfig)))
        .get("/debug", (req, res) -> ApiJson.send(res, debug()))
        .get("/authconfig", (req, res) -> ApiJson.send(res, authConfig));
  }

  /** What an operator looks at first: the JVM's view of this process. */
  private static Map<String, Object> debug() {
    Runtime rt = Runtime.getRuntime();
    Map<String, Object> jvm = new LinkedHashMap<>();
    jvm.put("JavaVersion", Runtime.version().toString());
    jvm.put("AvailableProcessors", rt.availableProcessors());
    jvm.put("MaxMemory", rt.maxMemory());
    jvm.put("TotalMemory", rt.totalMemory());
    jvm.put("FreeMemory", rt.freeMemory());
    jvm.put("Threads", Thread.activeCount());
    return Map.of("Runtime", jvm);
  }
}
