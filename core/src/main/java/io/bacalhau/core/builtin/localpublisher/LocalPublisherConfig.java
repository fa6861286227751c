package io.bacalhau.core.builtin.localpublisher;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code Publishers.Types.Local}: the host and port written into download URLs, and served on by
 * {@code bacalhau serve} (on the host when it is this machine's, else on loopback).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalPublisherConfig(
    @JsonProperty("Address") String address, @JsonProperty("Port") int port) {
  public static final String DEFAULT_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_PORT = 6001;

  public LocalPublisherConfig {
    address = address == null || address.isBlank() ? DEFAULT_ADDRESS : address.strip();
    port = port <= 0 ? DEFAULT_PORT : port;
  }
}
