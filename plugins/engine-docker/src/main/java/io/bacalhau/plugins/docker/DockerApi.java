package io.bacalhau.plugins.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.WaitResponse;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one class that speaks docker-java: every daemon call the engine makes, in our own types. It
 * is longer than our other classes on purpose: keeping docker-java behind a single file keeps the
 * rest of the plugin testable and a client upgrade a one-file change.
 */
public final class DockerApi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String host;
  private final DockerClient client;
  private final DockerHttpClient http;

  private DockerApi(String host, DockerClient client, DockerHttpClient http) {
    this.host = host;
    this.client = client;
    this.http = http;
  }

  /**
   * A client for the daemon at {@code host}; nothing is contacted yet.
   *
   * @param responseTimeout how long one call may take; zero for no limit (log streams, waits)
   */
  public static DockerApi connect(String host, Duration responseTimeout) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    ApacheDockerHttpClient.Builder http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(URI.create(host))
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(5));
    if (!responseTimeout.isZero()) {
      http.responseTimeout(responseTimeout);
    }
    DockerHttpClient transport = http.build();
    return new DockerApi(host, DockerClientImpl.getInstance(config, transport), transport);
  }

  public String host() {
    return host;
  }

  public void ping() {
    client.pingCmd().exec();
  }

  public boolean hasImage(String image) {
    try {
      client.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /**
   * A local image's {@code os/architecture}, or empty when the image is not here: one daemon call
   * answers both questions a run asks before it creates the container.
   */
  public java.util.Optional<Platform> localImagePlatform(String image) {
    try {
      var inspected = client.inspectImageCmd(image).exec();
      return java.util.Optional.of(new Platform(inspected.getOs(), inspected.getArch()));
    } catch (NotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  /** A local image's {@code os/architecture}, as its config records them. */
  public Platform imagePlatform(String image) {
    var inspected = client.inspectImageCmd(image).exec();
    return new Platform(inspected.getOs(), inspected.getArch());
  }

  /** The daemon's {@code os/architecture}: what its containers run on, wherever it is. */
  public Platform daemonPlatform() {
    var version = client.versionCmd().exec();
    return new Platform(version.getOperatingSystem(), version.getArch());
  }

  /**
   * The platforms the image's registry offers, as the daemon reads them from the manifest ({@code
   * GET /distribution/NAME/json}, which docker-java does not wrap): every entry of a multi-platform
   * index, or the one platform of a single image's config.
   *
   * @throws IllegalStateException with the daemon's message when the registry cannot tell
   */
  public List<Platform> registryPlatforms(String image, DockerConfig.RegistryAuth auth) {
    DockerHttpClient.Request.Builder request =
        DockerHttpClient.Request.builder()
            .method(DockerHttpClient.Request.Method.GET)
            .path("/distribution/" + image + "/json");
    if (auth != null) {
      request.putHeader("X-Registry-Auth", registryAuthHeader(auth));
    }
    try (DockerHttpClient.Response response = http.execute(request.build())) {
      JsonNode body = JSON.readTree(response.getBody());
      if (response.getStatusCode() >= 400) {
        String message = body == null ? "" : body.path("message").asText("");
        throw new IllegalStateException(
            message.isBlank() ? "the daemon answered " + response.getStatusCode() : message);
      }
      List<Platform> platforms = new ArrayList<>();
      for (JsonNode p : body.path("Platforms")) {
        platforms.add(new Platform(p.path("os").asText(""), p.path("architecture").asText("")));
      }
      return platforms;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The daemon's X-Registry-Auth: the credentials as base64url JSON. */
  private static String registryAuthHeader(DockerConfig.RegistryAuth auth) {
    var node =
        JSON.createObjectNode().put("username", auth.username()).put("password", auth.password());
    return Base64.getUrlEncoder().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Pulls an image for the given platform (null: the daemon's), reporting each distinct status line
   * ("Pulling fs layer", ...).
   */
  public void pull(
      String image, DockerConfig.RegistryAuth auth, Platform platform, Consumer<String> progress)
      throws InterruptedException {
    var cmd = client.pullImageCmd(image);
    if (platform != null) {
      cmd.withPlatform(platform.toString());
    }
    if (auth != null) {
      cmd.withAuthConfig(
          new AuthConfig().withUsername(auth.username()).withPassword(auth.password()));
    }
    cmd.exec(
            new ResultCallback.Adapter<PullResponseItem>() {
              @Override
              public void onNext(PullResponseItem item) {
                if (item.getStatus() != null && item.getId() == null) {
                  progress.accept(item.getStatus());
                }
              }
            })
        .awaitCompletion();
  }

  /**
   * Creates the container.
   *
   * @throws NameInUseException when a container of that name exists
   */
  public String create(ContainerPlan plan) {
    HostConfig hostConfig = hostConfig(plan);
    CreateContainerCmd cmd =
        client
            .createContainerCmd(plan.image())
            .withName(plan.name())
            .withEnv(plan.env())
            .withLabels(plan.labels())
            .withNetworkDisabled("none".equals(plan.networkMode()))
            .withExposedPorts(
                plan.ports().stream().map(p -> ExposedPort.tcp(p.containerPort())).toList())
            .withHostConfig(hostConfig);
    if (!plan.entrypoint().isEmpty()) {
      cmd.withEntrypoint(plan.entrypoint());
    }
    if (!plan.cmd().isEmpty()) {
      cmd.withCmd(plan.cmd());
    }
    if (!plan.workingDir().isBlank()) {
      cmd.withWorkingDir(plan.workingDir());
    }
    try {
      return cmd.exec().getId();
    } catch (com.github.dockerjava.api.exception.ConflictException e) {
      throw new NameInUseException(plan.name(), e);
    }
  }

  /** The daemon refused a create because another container has the name. */
  public static final class NameInUseException extends RuntimeException {
    NameInUseException(String name, Throwable cause) {
      super("a container named " + name + " already exists", cause);
    }
  }

  /** The plan's limits, mounts, devices and network as the daemon takes them. */
  static HostConfig hostConfig(ContainerPlan plan) {
    HostConfig hostConfig =
        HostConfig.newHostConfig()
            .withBinds(plan.mounts().stream().map(DockerApi::bind).toList())
            .withNetworkMode(plan.networkMode())
            .withExtraHosts(plan.extraHosts().toArray(String[]::new))
            // Isolation every job gets; ContainerSecurity says why each kept capability is kept.
            .withPrivileged(false)
            .withCapDrop(Capability.ALL)
            .withCapAdd(
                ContainerSecurity.CAPABILITIES_KEPT.stream()
                    .map(Capability::valueOf)
                    .toArray(Capability[]::new))
            .withSecurityOpts(List.of(ContainerSecurity.NO_NEW_PRIVILEGES))
            .withPidsLimit(ContainerSecurity.PIDS_LIMIT);
    if (plan.nanoCpus() > 0) {
      hostConfig.withNanoCPUs(plan.nanoCpus());
    }
    if (plan.memoryBytes() > 0) {
      // Swap equal to memory: the limit is a hard one, as Bacalhau documents.
      hostConfig.withMemory(plan.memoryBytes()).withMemorySwap(plan.memoryBytes());
    }
    GpuDevices gpus = plan.gpus();
    if (gpus.nvidiaCount() > 0 || !gpus.nvidiaIds().isEmpty()) {
      DeviceRequest nvidia =
          new DeviceRequest().withDriver("nvidia").withCapabilities(List.of(List.of("gpu")));
      hostConfig.withDeviceRequests(
          List.of(
              gpus.nvidiaIds().isEmpty()
                  ? nvidia.withCount((int) gpus.nvidiaCount())
                  : nvidia.withDeviceIds(gpus.nvidiaIds())));
    }
    if (!gpus.devices().isEmpty()) {
      hostConfig.withDevices(gpus.devices().stream().map(d -> new Device("rwm", d, d)).toList());
    }
    Ports ports = new Ports();
    for (ContainerPlan.Port p : plan.ports()) {
      ports.bind(
          ExposedPort.tcp(p.containerPort()),
          new Ports.Binding(p.hostIp(), p.hostPort() == 0 ? null : "" + p.hostPort()));
    }
    hostConfig.withPortBindings(ports);
    return hostConfig;
  }

  private static Bind bind(ContainerPlan.Mount m) {
    return new Bind(
        m.hostPath(), new Volume(m.containerPath()), m.readOnly() ? AccessMode.ro : AccessMode.rw);
  }

  public void start(String id) {
    client.startContainerCmd(id).exec();
  }

  /** A running stream of a container's output; {@link #await()} returns when it ends. */
  public interface Stream extends AutoCloseable {
    void await() throws InterruptedException;

    @Override
    void close();
  }

  /**
   * Attaches to a created container's output, demultiplexed into the two streams. Attaching (not
   * following the log driver) before the start means every byte arrives, including a last line
   * without a newline that the log driver may still hold when the container exits.
   *
   * <p>Live output only, no replay of the log ({@code logs=false}): the daemon joins the attach to
   * the container's output before it answers, so nothing written after the start is missed; but it
   * reads a requested replay from the log file only after it has answered, and a slow daemon (a
   * loaded machine) then read there lines the container had already written to the live stream
   * after the start: those lines arrived twice.
   */
  public Stream attach(String id, OutputStream stdout, OutputStream stderr)
      throws InterruptedException {
    ResultCallback.Adapter<Frame> callback =
        client
            .attachContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withFollowStream(true)
            .withLogs(false)
            .exec(
                new ResultCallback.Adapter<>() {
                  @Override
                  public void onNext(Frame frame) {
                    try {
                      (frame.getStreamType() == StreamType.STDERR ? stderr : stdout)
                          .write(frame.getPayload());
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                });
    callback.awaitStarted();
    return stream(callback);
  }

  /** Blocks until the container exits and returns its exit code. */
  public int waitFor(String id) throws InterruptedException {
    Integer[] code = new Integer[1];
    try (Stream s =
        stream(
            client
                .waitContainerCmd(id)
                .exec(
                    new ResultCallback.Adapter<WaitResponse>() {
                      @Override
                      public void onNext(WaitResponse response) {
                        code[0] = response.getStatusCode();
                      }
                    }))) {
      s.await();
    }
    return code[0] == null ? inspectOutcome(id).exitCode() : code[0];
  }

  private static Stream stream(ResultCallback.Adapter<?> callback) {
    return new Stream() {
      @Override
      public void await() throws InterruptedException {
        callback.awaitCompletion();
      }

      @Override
      public void close() {
        try {
          callback.close();
        } catch (IOException e) {
          // closing a finished stream has nothing left to report
        }
      }
    };
  }

  public ContainerOutcome inspectOutcome(String id) {
    InspectContainerResponse.ContainerState state =
        client.inspectContainerCmd(id).exec().getState();
    Long exit = state.getExitCodeLong();
    return new ContainerOutcome(
        exit == null ? -1 : exit.intValue(),
        Boolean.TRUE.equals(state.getOOMKilled()),
        Objects.toString(state.getError(), ""));
  }

  /** The container as {@link #inspect} sees it, or empty when it is gone (or never was). */
  public java.util.Optional<ContainerView> findContainer(String id) {
    try {
      return java.util.Optional.of(inspect(id));
    } catch (NotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  public ContainerView inspect(String id) {
    InspectContainerResponse r = client.inspectContainerCmd(id).exec();
    HostConfig hc = r.getHostConfig();
    var cfg = r.getConfig();
    return new ContainerView(
        r.getId(),
        r.getName(),
        cfg.getImage(),
        list(cfg.getEnv()),
        hc.getBinds() == null
            ? List.of()
            : Arrays.stream(hc.getBinds()).map(Bind::toString).toList(),
        hc.getNetworkMode(),
        Boolean.TRUE.equals(cfg.getNetworkDisabled()),
        list(hc.getExtraHosts()),
        ports(hc.getPortBindings()),
        hc.getNanoCPUs() == null ? 0 : hc.getNanoCPUs(),
        hc.getMemory() == null ? 0 : hc.getMemory(),
        cfg.getLabels() == null ? Map.of() : Map.copyOf(cfg.getLabels()),
        Boolean.TRUE.equals(r.getState().getRunning()),
        hc.getDevices() == null
            ? List.of()
            : Arrays.stream(hc.getDevices())
                .map(
                    d ->
                        d.getPathOnHost()
                            + ":"
                            + d.getPathInContainer()
                            + ":"
                            + d.getcGroupPermissions())
                .toList());
  }

  private static List<String> ports(Ports ports) {
    if (ports == null) {
      return List.of();
    }
    return ports.getBindings().entrySet().stream()
        .flatMap(
            e ->
                Arrays.stream(e.getValue() == null ? new Ports.Binding[0] : e.getValue())
                    .map(b -> e.getKey() + "->" + b.getHostIp() + ":" + b.getHostPortSpec()))
        .sorted()
        .toList();
  }

  private static List<String> list(String[] values) {
    return values == null ? List.of() : List.of(values);
  }

  /** Kills a running container; one that already stopped is fine. */
  public void kill(String id) {
    try {
      client.killContainerCmd(id).exec();
    } catch (NotFoundException | NotModifiedException e) {
      // gone or not running: nothing to kill
    } catch (com.github.dockerjava.api.exception.ConflictException e) {
      // "is not running": it ended on its own
    }
  }

  /**
   * Removes a container, running or not. One already gone is removed; so is one whose removal the
   * daemon is already carrying out for another caller (it answers 409 "removal of container ... is
   * already in progress"), which is then gone as soon as the daemon finishes.
   */
  public void remove(String id) {
    try {
      client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already removed
    } catch (com.github.dockerjava.api.exception.ConflictException e) {
      if (!String.valueOf(e.getMessage()).contains("already in progress")) {
        throw e;
      }
    }
  }

  /** IDs of every container, running or not, that carries all these labels. */
  public List<String> containersLabelled(Map<String, String> labels) {
    return client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
        .map(Container::getId)
        .toList();
  }

  /** Creates an internal (no outside route) bridge network and returns its id and gateway. */
  public NetworkInfo createInternalNetwork(String name, Map<String, String> labels) {
    String id =
        client
            .createNetworkCmd()
            .withName(name)
            .withDriver("bridge")
            .withInternal(true)
            .withLabels(labels)
            .exec()
            .getId();
    Network network = client.inspectNetworkCmd().withNetworkId(id).exec();
    String gateway =
        network.getIpam().getConfig().stream()
            .map(Network.Ipam.Config::getGateway)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse("");
    return new NetworkInfo(id, name, gateway);
  }

  public record NetworkInfo(String id, String name, String gateway) {}

  public List<String> networksLabelled(Map<String, String> labels) {
    List<String> filters =
        labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    return client.listNetworksCmd().withFilter("label", filters).exec().stream()
        .map(Network::getId)
        .toList();
  }

  public void removeNetwork(String id) {
    try {
      client.removeNetworkCmd(id).exec();
    } catch (NotFoundException e) {
      // already removed
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // the daemon connection is gone either way
    }
  }
}
