package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.PortMapping;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The network side of one container: its mode, extra hosts, published ports, proxy variables, and
 * what must be torn down afterwards (the HTTP mode's network and proxy).
 *
 * <p>Default and None get no network at all: a job reaches nothing unless its spec asks.
 */
final class NetworkSetup implements AutoCloseable {
  private static final String HOST_GATEWAY = "host.docker.internal:host-gateway";

  final String mode;
  final List<String> extraHosts;
  final List<ContainerPlan.Port> ports;
  final Map<String, String> env;
  private final DockerApi api;
  private final String networkId;
  private final DomainProxy proxy;

  private NetworkSetup(
      String mode,
      List<String> extraHosts,
      List<ContainerPlan.Port> ports,
      Map<String, String> env,
      DockerApi api,
      String networkId,
      DomainProxy proxy) {
    this.mode = mode;
    this.extraHosts = extraHosts;
    this.ports = ports;
    this.env = env;
    this.api = api;
    this.networkId = networkId;
    this.proxy = proxy;
  }

  static void validate(NetworkConfig network) {
    if (network.networkType() == io.bacalhau.core.models.NetworkType.HTTP
        && network.domains().isEmpty()) {
      throw BacalhauException.builder(
              ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR,
              "Network.Domains: the HTTP network type needs at least one domain")
          .component("DockerExecutor")
          .hint("Add --domain example.com (or .example.com for its subdomains).")
          .failsExecution(true)
          .build();
    }
  }

  static NetworkSetup prepare(
      DockerApi api,
      NetworkConfig network,
      String name,
      Map<String, String> labels,
      AddressPolicy policy,
      Consumer<String> onRefused)
      throws IOException {
    validate(network);
    return switch (network.networkType()) {
      case DEFAULT, NONE -> simple("none", List.of(), List.of());
      // The task shares the host's stack: host.docker.internal is simply this machine.
      case HOST, FULL -> simple("host", List.of("host.docker.internal:127.0.0.1"), List.of());
      case BRIDGE -> simple("bridge", List.of(HOST_GATEWAY), ports(network.ports()));
      case HTTP -> http(api, network, name, labels, policy, onRefused);
    };
  }

  private static NetworkSetup simple(
      String mode, List<String> extraHosts, List<ContainerPlan.Port> ports) {
    return new NetworkSetup(mode, extraHosts, ports, Map.of(), null, null, null);
  }

  /**
   * An internal network (no route out) whose only exit is our proxy on its gateway address; the
   * task finds it through the usual proxy variables.
   */
  private static NetworkSetup http(
      DockerApi api,
      NetworkConfig network,
      String name,
      Map<String, String> labels,
      AddressPolicy policy,
      Consumer<String> onRefused)
      throws IOException {
    DockerApi.NetworkInfo info = api.createInternalNetwork(name, labels);
    DomainProxy proxy;
    try {
      proxy =
          DomainProxy.start(
              info.gateway(), new DomainAllowList(network.domains()), policy, onRefused);
    } catch (IOException | RuntimeException e) {
      api.removeNetwork(info.id());
      throw e;
    }
    String url = "http://" + info.gateway() + ":" + proxy.port();
    Map<String, String> env =
        Map.of("http_proxy", url, "https_proxy", url, "HTTP_PROXY", url, "HTTPS_PROXY", url);
    return new NetworkSetup(info.name(), List.of(), List.of(), env, api, info.id(), proxy);
  }

  private static List<ContainerPlan.Port> ports(List<PortMapping> mappings) {
    List<ContainerPlan.Port> out = new ArrayList<>();
    for (PortMapping m : mappings) {
      int target = m.target() > 0 ? m.target() : m.staticPort();
      String hostIp = m.hostNetwork().isBlank() ? "0.0.0.0" : m.hostNetwork();
      out.add(new ContainerPlan.Port(target, hostIp, m.staticPort()));
    }
    return out;
  }

  /** Removes the HTTP mode's proxy and network; call after the container is gone. */
  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    if (networkId != null) {
      api.removeNetwork(networkId);
    }
  }
}
