package io.bacalhau.plugins.otel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Analytics} section of config.yaml.
 *
 * @param endpoint the collector's base URL; {@code /v1/logs} is added for HTTP
 * @param protocol {@code http/protobuf} (port 4318) or {@code grpc} (port 4317)
 * @param headers sent with every export, e.g. an API key of a hosted collector
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OtelConfig(
    @JsonProperty("Endpoint") String endpoint,
    @JsonProperty("Protocol") String protocol,
    @JsonProperty("Headers") Map<String, String> headers) {

  public static final String HTTP = "http/protobuf";
  public static final String GRPC = "grpc";

  /** The standard local OpenTelemetry collector. */
  public static final String DEFAULT_HTTP_ENDPOINT = "http://127.0.0.1:4318";

  public static final String DEFAULT_GRPC_ENDPOINT = "http://127.0.0.1:4317";

  public OtelConfig {
    protocol =
        protocol == null || protocol.isBlank() ? HTTP : protocol.strip().toLowerCase(Locale.ROOT);
    if (endpoint == null || endpoint.isBlank()) {
      endpoint = GRPC.equals(protocol) ? DEFAULT_GRPC_ENDPOINT : DEFAULT_HTTP_ENDPOINT;
    }
    endpoint = endpoint.strip();
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public boolean grpc() {
    return GRPC.equals(protocol);
  }

  /** Every problem, each naming its key and what is valid; empty when usable. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!HTTP.equals(protocol) && !GRPC.equals(protocol)) {
      problems.add(
          "Analytics.Protocol is '" + protocol + "'; valid values are http/protobuf and grpc");
    }
    if (!isHttpUrl(endpoint)) {
      problems.add(
          "Analytics.Endpoint is '"
              + endpoint
              + "'; expected an http:// or https:// URL such as "
              + DEFAULT_HTTP_ENDPOINT);
    }
    return problems;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Where log records are posted: the base URL plus {@code /v1/logs} for HTTP. */
  public String logsUrl() {
    if (grpc()) {
      return endpoint;
    }
    String path = URI.create(endpoint).getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return endpoint.replaceAll("/+$", "") + "/v1/logs";
    }
    return endpoint;
  }
}
