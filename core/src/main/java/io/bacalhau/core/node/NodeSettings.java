package io.bacalhau.core.node;

import io.bacalhau.core.compute.AdmissionControl;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.models.GpuInventory;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.orchestrator.JobDefaults;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a local node's options from configuration. */
public final class NodeSettings {
  private static final Logger LOG = LoggerFactory.getLogger(NodeSettings.class);

  private NodeSettings() {}

  public static NodeOptions from(BacalhauConfig config, Map<String, String> hostEnv) {
    Path dataDir = config.dataDir();
    GpuInventory gpus = GpuDiscovery.discover(hostEnv.get("PATH"));
    LOG.debug("GPUs on this node: {}", gpus.summary());
    // Bacalhau's GPU labels first; a label the user configured wins.
    Map<String, String> labels = new LinkedHashMap<>(gpus.labels());
    labels.putAll(config.map("Labels"));
    return new NodeOptions(
        dataDir,
        labels,
        capacity(config, MachineCapacity.total(dataDir, gpus.count())),
        config.list("Compute.Env.AllowList"),
        hostEnv,
        jobDefaults(config),
        new SchedulerSettings(
            config.integer("Orchestrator.Scheduler.MaxRetries", 2),
            config.duration("Orchestrator.Scheduler.QueueBackoff", Duration.ofMinutes(1))),
        admission(config),
        gpus);
  }

  /**
   * {@code JobAdmissionControl.*}; a probe URL that is not http(s) is refused here, not per bid.
   */
  static AdmissionControl admission(BacalhauConfig config) {
    String p = "JobAdmissionControl.";
    String url = config.string(p + "ProbeHTTP").strip();
    if (!url.isEmpty()) {
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        uri = null;
      }
      if (uri == null
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw BacalhauException.builder(
                ErrorCode.CONFIGURATION_ERROR,
                "config key " + p + "ProbeHTTP: '" + url + "' is not an http(s) URL")
            .component("Config")
            .hint(
                "Give the URL the node POSTs each bid request to, e.g. http://127.0.0.1:8080/bid.")
            .build();
      }
    }
    return new AdmissionControl(
        AdmissionControl.Locality.parse(config.string(p + "Locality")),
        config.bool(p + "RejectStatelessJobs"),
        config.bool(p + "RejectNetworkedJobs"),
        url,
        config.string(p + "ProbeExec"));
  }

  /** {@code Compute.AllocatedCapacity.*}: a share of this machine ({@code 80%}) or an amount. */
  static Resources capacity(BacalhauConfig config, Resources total) {
    String prefix = "Compute.AllocatedCapacity.";
    return new Resources(
        share(config, prefix + "CPU", total.cpu(), ResourceParser::cpu),
        (long) share(config, prefix + "Memory", total.memory(), t -> ResourceParser.bytes("", t)),
        (long) share(config, prefix + "Disk", total.disk(), t -> ResourceParser.bytes("", t)),
        (long) Math.ceil(share(config, prefix + "GPU", total.gpu(), ResourceParser::gpu)));
  }

  private static double share(
      BacalhauConfig config,
      String key,
      double total,
      java.util.function.ToDoubleFunction<String> parse) {
    return amount(key, config.string(key), total, parse);
  }

  private static double amount(
      String key, String text, double total, java.util.function.ToDoubleFunction<String> parse) {
    String t = text.strip();
    if (t.isEmpty()) {
      return total;
    }
    try {
      if (t.endsWith("%")) {
        return total * Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
      }
      return parse.applyAsDouble(t);
    } catch (IllegalArgumentException e) {
      // The parsers speak of job resources; here the user wrote a config key.
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              "config key " + key + ": '" + text + "' is not a share like 80% or an amount")
          .component("Config")
          .hint("CPU takes 2 or 500m, Memory and Disk 4Gb or 512Mi, GPU a whole number.")
          .build();
    }
  }

  static JobDefaults jobDefaults(BacalhauConfig config) {
    Map<JobType, JobDefaults.ForType> byType = new EnumMap<>(JobType.class);
    for (JobType type : JobType.values()) {
      String name =
          type.value().substring(0, 1).toUpperCase(Locale.ROOT) + type.value().substring(1);
      String p = "JobDefaults." + name + ".";
      boolean hasTask = type == JobType.BATCH || type == JobType.OPS;
      SpecConfig publisher = SpecConfig.EMPTY;
      Duration execution = Duration.ZERO;
      Duration total = Duration.ZERO;
      if (hasTask) {
        String publisherType = config.string(p + "Task.Publisher.Type");
        publisher =
            publisherType.isBlank()
                ? SpecConfig.EMPTY
                : SpecConfig.of(
                    publisherType, new HashMap<>(config.map(p + "Task.Publisher.Params")));
        execution = config.duration(p + "Task.Timeouts.ExecutionTimeout", Duration.ZERO);
        total = config.duration(p + "Task.Timeouts.TotalTimeout", Duration.ZERO);
      }
      byType.put(
          type,
          new JobDefaults.ForType(
              config.integer(p + "Priority", 0),
              new ResourcesConfig(
                  config.string(p + "Task.Resources.CPU"),
                  config.string(p + "Task.Resources.Memory"),
                  config.string(p + "Task.Resources.Disk"),
                  config.string(p + "Task.Resources.GPU")),
              publisher,
              execution,
              total));
    }
    return new JobDefaults(byType);
  }
}
