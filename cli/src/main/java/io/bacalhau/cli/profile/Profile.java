package io.bacalhau.cli.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named way to reach a node: its endpoint, how long to wait for it, and how to authenticate and
 * trust it. Stored as {@code <DataDir>/profiles/<name>.yaml}, in Bacalhau's field names.
 *
 * @param endpoint {@code http(s)://host:port}, or {@code host:port}
 * @param timeout how long a request may take, as a duration like {@code 30s}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("description") String description,
    @JsonProperty("timeout") String timeout,
    @JsonProperty("auth") Auth auth,
    @JsonProperty("tls") Tls tls) {

  public static final String DEFAULT_TIMEOUT = "30s";

  public Profile {
    endpoint = endpoint == null ? "" : endpoint.strip();
    description = description == null ? "" : description;
    timeout = timeout == null || timeout.isBlank() ? DEFAULT_TIMEOUT : timeout.strip();
    auth = auth == null || auth.token().isEmpty() ? null : auth; // no empty sections on disk
    tls = tls == null || !tls.insecure() ? null : tls;
  }

  /** The bearer token, or "" for none. */
  public String token() {
    return auth == null ? "" : auth.token();
  }

  /** Whether the node's certificate goes unchecked. */
  public boolean insecure() {
    return tls != null && tls.insecure();
  }

  /** Credentials: a bearer token. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Auth(@JsonProperty("token") String token) {
    public Auth {
      token = token == null ? "" : token;
    }
  }

  /** How the node's certificate is checked. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  public record Tls(@JsonProperty("insecure") boolean insecure) {}

  /** This profile with its token replaced by a mark that there is one. */
  public Profile withoutToken() {
    return new Profile(
        endpoint, description, timeout, new Auth(auth.token().isEmpty() ? "" : "********"), tls);
  }

  /** The token as {@code show} prints it: the ends only, or all stars when it is short. */
  public String maskedToken() {
    String t = token();
    if (t.isEmpty()) {
      return "none";
    }
    return t.length() <= 8
        ? "token (****)"
        : "token (" + t.substring(0, 4) + "****" + t.substring(t.length() - 4) + ")";
  }
}
