package io.bacalhau.plugins.ipfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code Publishers.Types.IPFS} and {@code InputSources.Types.IPFS}: the node's RPC API as a
 * multiaddr ({@code /ip4/127.0.0.1/tcp/5001}) or URL.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IpfsConfig(@JsonProperty("Endpoint") String endpoint) {
  public IpfsConfig {
    endpoint = endpoint == null ? "" : endpoint.strip();
  }
}
