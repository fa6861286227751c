package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.jobspec.SpecProblem;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.NetworkType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The task settings of {@code docker run} and {@code wasm run}: env, data, resources, limits. */
public final class TaskFlags {
  @Option(
      names = "--task-name",
      defaultValue = "main",
      paramLabel = "<name>",
      description = "The task name (default ${DEFAULT-VALUE}).")
  String taskName = "main";

  @Option(
      names = {"-e", "--env"},
      split = ",",
      paramLabel = "KEY=VALUE",
      description = "An environment variable of the task (repeatable, comma-separated).")
  Map<String, String> env = new LinkedHashMap<>();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "<input>",
      description = {
        "Data to mount (repeatable): URI[:/target] or src=URI,dst=/target[,opt=k=v].",
        "URIs: ipfs://CID, http(s)://..., s3://bucket/key, file:///path (default target /inputs)."
      })
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "name:path",
      description = "A folder the task writes, kept as results under name (repeatable).")
  List<String> outputs = new ArrayList<>();

  @Option(
      names = {"-p", "--publisher"},
      paramLabel = "<publisher>",
      description = "Where results go: ipfs, local, s3://bucket/key[,opt=k=v], s3managed.")
  String publisher = "";

  @Option(names = "--cpu", paramLabel = "<cpu>", description = "CPU to allocate, e.g. 500m or 2.")
  String cpu = "";

  @Option(
      names = "--memory",
      paramLabel = "<mem>",
      description = "Memory to allocate, e.g. 500Mb or 2Gb.")
  String memory = "";

  @Option(names = "--disk", paramLabel = "<disk>", description = "Disk to allocate, e.g. 10Gb.")
  String disk = "";

  @Option(names = "--gpu", paramLabel = "<n>", description = "GPUs to allocate.")
  String gpu = "";

  @Option(
      names = "--network",
      defaultValue = "Default",
      paramLabel = "<type>",
      description = "Network access: Default, None, Host, Full, HTTP or Bridge (default none).")
  String network = "Default";

  @Option(
      names = "--domain",
      split = ",",
      paramLabel = "<domain>",
      description =
          "A domain the HTTP network may reach; .example.com covers subdomains (repeatable).")
  List<String> domains = new ArrayList<>();

  @Option(
      names = "--timeout",
      paramLabel = "<secs>",
      description = "Total timeout of the job in seconds (0: none).")
  long timeout;

  @Option(
      names = "--queue-timeout",
      paramLabel = "<secs>",
      description = "How long the job may wait for a node, in seconds (0: fail at once).")
  long queueTimeout;

  public String taskName() {
    return taskName;
  }

  public Map<String, String> env() {
    return env;
  }

  public List<InputSource> inputSources() {
    return inputs.stream().map(InputFlag::parse).toList();
  }

  public List<ResultPath> resultPaths() {
    List<ResultPath> out = new ArrayList<>();
    for (String o : outputs) {
      int colon = o.indexOf(':');
      if (colon <= 0 || colon == o.length() - 1) {
        throw new UsageException(
            "--output '" + o + "': both name and path are needed (name:path)",
            "For example -o outputs:/outputs.");
      }
      out.add(new ResultPath(o.substring(0, colon), o.substring(colon + 1)));
    }
    return out;
  }

  public SpecConfig publisherSpec() {
    return publisher.isBlank() ? SpecConfig.EMPTY : PublisherFlag.parse(publisher);
  }

  /** The resource flags, each checked so that a bad one is named by its flag. */
  public ResourcesConfig resources() {
    check("--cpu", cpu, new ResourcesConfig(cpu, "", "", ""));
    check("--memory", memory, new ResourcesConfig("", memory, "", ""));
    check("--disk", disk, new ResourcesConfig("", "", disk, ""));
    check("--gpu", gpu, new ResourcesConfig("", "", "", gpu));
    return new ResourcesConfig(cpu, memory, disk, gpu);
  }

  private static void check(String flag, String value, ResourcesConfig alone) {
    List<SpecProblem> problems = new ArrayList<>();
    ResourceParser.parse(alone, "", problems);
    if (!problems.isEmpty()) {
      throw new UsageException(flag + " '" + value + "': " + problems.getFirst().message(), null);
    }
  }

  /** The network block, or the default (omitted from the spec) when Default is asked for. */
  public NetworkConfig network() {
    NetworkType type =
        NetworkType.parse(network)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--network '"
                            + network
                            + "': must be one of Default, None, Host, Full,"
                            + " HTTP, Bridge",
                        null));
    if (type == NetworkType.DEFAULT && domains.isEmpty()) {
      return NetworkConfig.DEFAULT;
    }
    return new NetworkConfig(type.label(), domains, List.of());
  }

  public TimeoutConfig timeouts() {
    if (timeout < 0 || queueTimeout < 0) {
      throw new UsageException("--timeout and --queue-timeout must not be negative", null);
    }
    return new TimeoutConfig(0, queueTimeout, timeout);
  }
}
