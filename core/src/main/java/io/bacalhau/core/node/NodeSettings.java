package io.bacalhau.core.node;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.orchestrator.JobDefaults;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads a local node's options from configuration. */
public final class NodeSettings {
  private NodeSettings() {}

  public static NodeOptions from(BacalhauConfig config, Map<String, String> hostEnv) {
    Path dataDir = config.dataDir();
    return new NodeOptions(
        dataDir,
        config.map("Labels"),
        capacity(config, MachineCapacity.total(dataDir)),
        config.list("Compute.Env.AllowList"),
        hostEnv,
        jobDefaults(config),
        new SchedulerSettings(
            config.integer("Orchestrator.Scheduler.MaxRetries", 2),
            config.duration("Orchestrator.Scheduler.QueueBackoff", Duration.ofMinutes(1))));
  }

  /** {@code Compute.AllocatedCapacity.*}: a share of this machine ({@code 80%}) or an amount. */
  static Resources capacity(BacalhauConfig config, Resources total) {
    String prefix = "Compute.AllocatedCapacity.";
    return new Resources(
        amount(config.string(prefix + "CPU"), total.cpu(), ResourceParser::cpu),
        (long)
            amount(
                config.string(prefix + "Memory"),
                total.memory(),
                t -> ResourceParser.bytes("Memory", t)),
        (long)
            amount(
                config.string(prefix + "Disk"), total.disk(), t -> ResourceParser.bytes("Disk", t)),
        (long) Math.ceil(amount(config.string(prefix + "GPU"), total.gpu(), ResourceParser::gpu)));
  }

  private static double amount(
      String text, double total, java.util.function.ToDoubleFunction<String> parse) {
    String t = text.strip();
    if (t.isEmpty()) {
      return total;
    }
    if (t.endsWith("%")) {
      return total * Double.parseDouble(t.substring(0, t.length() - 1)) / 100;
    }
    return parse.applyAsDouble(t);
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
