package io.bacalhau.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code API.Auth.Oauth2}: where a client signs its user in with single sign-on, as {@code GET
 * /api/v1/agent/authconfig} tells it. Every field is public by design (no client secret exists in
 * the device flow); unset ones are left out, as Bacalhau leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "ProviderID",
  "ProviderName",
  "TokenEndpoint",
  "JWKSUri",
  "Issuer",
  "DeviceClientID",
  "Audience",
  "Scopes",
  "DeviceAuthorizationEndpoint",
  "PollingInterval"
})
public record Oauth2Config(
    @JsonProperty("ProviderID") String providerId,
    @JsonProperty("ProviderName") String providerName,
    @JsonProperty("TokenEndpoint") String tokenEndpoint,
    @JsonProperty("JWKSUri") String jwksUri,
    @JsonProperty("Issuer") String issuer,
    @JsonProperty("DeviceClientID") String deviceClientId,
    @JsonProperty("Audience") String audience,
    @JsonProperty("Scopes") List<String> scopes,
    @JsonProperty("DeviceAuthorizationEndpoint") String deviceAuthorizationEndpoint,
    @JsonProperty("PollingInterval") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        int pollingInterval) {

  public static final Oauth2Config NONE =
      new Oauth2Config("", "", "", "", "", "", "", List.of(), "", 0);

  public Oauth2Config {
    scopes = List.copyOf(scopes);
  }
}
