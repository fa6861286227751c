package io.bacalhau.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/auth}, Bacalhau's sign-in discovery, in its shapes: the methods a client may sign
 * in with, each one's requirement, and signing in. The one method here is {@code Password}, of
 * Bacalhau's type {@code ask}: the username and password of an {@code API.Auth.Users} entry, which
 * buy a session token to send as {@code Authorization: Bearer}. It is offered when some entry has a
 * password; API keys need no sign-in (they are bearer tokens already), and Bacalhau's {@code
 * challenge} method (a client key signing a nonce) is not offered.
 */
final class AuthRoutes implements HttpService {
  static final String PREFIX = "/api/v1/auth";
  static final String PASSWORD = "Password";

  private final Authenticator auth;
  private final long maxBody;

  AuthRoutes(Authenticator auth, long maxBody) {
    this.auth = auth;
    this.maxBody = maxBody;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .get(
            "/{method}",
            (req, res) -> {
              method(req);
              ApiJson.send(res, passwordRequirement());
            })
        .post("/{method}", this::authenticate);
  }

  private void list(ServerRequest req, ServerResponse res) {
    ApiJson.send(
        res,
        new MethodList(
            "", auth.hasPasswords() ? Map.of(PASSWORD, passwordRequirement()) : Map.of()));
  }

  /** Bacalhau's Requirement of an {@code ask} method: the JSON schema of what to send. */
  private static Requirement passwordRequirement() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    schema.put(
        "properties",
        Map.of(
            "username", Map.of("type", "string"),
            "password", Map.of("type", "string", "writeOnly", true)));
    schema.put("required", List.of("username", "password"));
    return new Requirement("ask", schema);
  }

  private void authenticate(ServerRequest req, ServerResponse res) {
    method(req);
    JsonNode data = methodData(ApiJson.read(req, maxBody, JsonNode.class));
    String username = text(data, "username");
    String password = text(data, "password");
    Optional<String> token = auth.login(username, password);
    if (token.isEmpty()) {
      ApiJson.send(
          res,
          Status.UNAUTHORIZED_401,
          Map.of("Authentication", new Authentication(false, "credentials rejected", null)));
      return;
    }
    ApiJson.send(res, Map.of("Authentication", new Authentication(true, null, token.get())));
  }

  /**
   * {@code MethodData}: Bacalhau's clients send the JSON of the answers base64-encoded (a Go byte
   * slice); a JSON object as written by hand is taken too.
   */
  private static JsonNode methodData(JsonNode body) {
    JsonNode data = field(body, "MethodData");
    if (data != null && data.isTextual()) {
      try {
        data = ApiJson.mapper().readTree(Base64.getDecoder().decode(data.asText()));
      } catch (IllegalArgumentException | IOException e) {
        data = null;
      }
    }
    if (data == null || !data.isObject()) {
      throw BacalhauException.badRequest(
          "invalid authentication data: MethodData must be base64 of a JSON object",
          "Send {\"Name\": \"Password\", \"MethodData\": base64 of"
              + " {\"username\": \"...\", \"password\": \"...\"}}.");
    }
    for (String required : List.of("username", "password")) {
      if (!(field(data, required) instanceof JsonNode v) || !v.isTextual()) {
        throw BacalhauException.badRequest(
            "invalid authentication data: MethodData has no " + required,
            "MethodData needs username and password, both strings.");
      }
    }
    return data;
  }

  /** The method a route names, if it is offered; else a 404 naming those that are. */
  private String method(ServerRequest req) {
    String name = req.path().pathParameters().get("method");
    boolean offered = auth.hasPasswords();
    if (offered && name.equalsIgnoreCase(PASSWORD)) {
      return PASSWORD;
    }
    throw BacalhauException.builder(
            ErrorCode.NOT_FOUND,
            "authentication method '"
                + name
                + "' is not offered by this node; "
                + (offered
                    ? "it offers: " + PASSWORD
                    : "it offers none, as no API.Auth.Users entry has a password"))
        .component("Auth")
        .hint(
            "GET /api/v1/auth lists the methods. API keys need no sign-in: send them as"
                + " 'Authorization: Bearer <key>'. Client-key (challenge) sign-in is not"
                + " supported.")
        .build();
  }

  private static JsonNode field(JsonNode node, String name) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(JsonNode node, String name) {
    return field(node, name).asText();
  }

  /** Bacalhau's ListAuthnMethodsResponse. */
  @JsonPropertyOrder({"NextToken", "Methods"})
  record MethodList(
      @JsonProperty("NextToken") String nextToken,
      @JsonProperty("Methods") Map<String, Requirement> methods) {}

  /** Bacalhau's authn.Requirement: the method's type and its parameters. */
  @JsonPropertyOrder({"type", "params"})
  record Requirement(
      @JsonProperty("type") String type, @JsonProperty("params") Map<String, Object> params) {}

  /** Bacalhau's Authentication: a token on success, a reason on failure. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"success", "reason", "token"})
  record Authentication(
      @JsonProperty("success") @JsonInclude(JsonInclude.Include.ALWAYS) boolean success,
      @JsonProperty("reason") String reason,
      @JsonProperty("token") String token) {}
}
