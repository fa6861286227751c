package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.PortMapping;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Registration, config binding, the installation probe and the network plans; no daemon needed. */
class DockerEngineFactoryTest {

  @Test
  void registeredForTheDockerType() {
    assertTrue(
        ServiceLoader.load(EngineFactory.class).stream()
            .anyMatch(p -> p.type() == DockerEngineFactory.class));
    DockerEngineFactory f = new DockerEngineFactory();
    assertEquals("docker", f.type());
    assertEquals("Engines.Types.Docker", f.configSection());
  }

  @Test
  void configBindsFromItsSectionWithDefaults() {
    DockerConfig empty = Codecs.json().convertValue(Map.of(), DockerConfig.class);
    assertEquals(PullPolicy.IF_NOT_PRESENT, empty.pullPolicy());
    assertTrue(empty.allowReadWriteInputs());
    assertEquals("unix:///var/run/docker.sock", empty.resolveHost(Map.of()));
    assertEquals(
        "tcp://10.0.0.1:2375", empty.resolveHost(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375")));
    assertNull(empty.resolveAuth(Map.of()));
    assertEquals("bob", empty.resolveAuth(Map.of("DOCKER_USERNAME", "bob")).username());

    DockerConfig set =
        Codecs.json()
            .convertValue(
                Map.of(
                    "Host", "unix:///run/other.sock",
                    "PullPolicy", "never",
                    "ManifestCache", Map.of("Size", 10)),
                DockerConfig.class);
    assertEquals(PullPolicy.NEVER, set.pullPolicy());
    assertEquals("unix:///run/other.sock", set.resolveHost(Map.of("DOCKER_HOST", "ignored")));
    assertThrows(IllegalArgumentException.class, () -> PullPolicy.parse("sometimes"));
  }

  @Test
  void theProbeSaysWhereItLooked() {
    Installation missing =
        DockerEngineFactory.probe(
            new DockerConfig("unix:///nonexistent/docker.sock", null, null, null, null), Map.of());
    assertFalse(missing.installed());
    assertTrue(
        missing
            .reason()
            .startsWith("Docker daemon not reachable at unix:///nonexistent/docker.sock"),
        missing.reason());
  }

  @Test
  void networkModesPlanTheContainerNetwork() throws Exception {
    try (NetworkSetup none =
        NetworkSetup.prepare(
            null, NetworkConfig.DEFAULT, "n", Map.of(), AddressPolicy.embedded(), h -> {})) {
      assertEquals("none", none.mode);
    }
    try (NetworkSetup host =
        NetworkSetup.prepare(
            null,
            new NetworkConfig("Full", List.of(), List.of()),
            "n",
            Map.of(),
            AddressPolicy.embedded(),
            h -> {})) {
      assertEquals("host", host.mode);
    }
    NetworkConfig bridge =
        new NetworkConfig(
            "bridge",
            List.of(),
            List.of(
                new PortMapping("web", 8080, 80, ""), new PortMapping("db", 5433, 0, "127.0.0.1")));
    try (NetworkSetup b =
        NetworkSetup.prepare(null, bridge, "n", Map.of(), AddressPolicy.embedded(), h -> {})) {
      assertEquals("bridge", b.mode);
      assertEquals(List.of("host.docker.internal:host-gateway"), b.extraHosts);
      assertEquals(
          List.of(
              new ContainerPlan.Port(80, "0.0.0.0", 8080),
              new ContainerPlan.Port(5433, "127.0.0.1", 5433)),
          b.ports);
    }
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> NetworkSetup.validate(new NetworkConfig("HTTP", List.of(), List.of())));
    assertTrue(e.getMessage().startsWith("Network.Domains"), e.getMessage());
  }
}
