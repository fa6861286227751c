package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.SpecConfig;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code JobDefaults.<Type>.*} settings: what a job of each type gets when its spec is silent.
 */
public record JobDefaults(Map<JobType, ForType> byType) {

  /** Defaults of one job type; publisher and timeouts apply to batch and ops jobs only. */
  public record ForType(
      int priority,
      ResourcesConfig resources,
      SpecConfig publisher,
      Duration executionTimeout,
      Duration totalTimeout) {}

  public static final JobDefaults BUILT_IN = builtIn();

  private static JobDefaults builtIn() {
    ForType standard =
        new ForType(
            0,
            new ResourcesConfig("500m", "512Mb", "", ""),
            SpecConfig.EMPTY,
            Duration.ZERO,
            Duration.ZERO);
    return new JobDefaults(
        Map.of(
            JobType.BATCH,
            standard,
            JobType.OPS,
            standard,
            JobType.DAEMON,
            standard,
            JobType.SERVICE,
            standard));
  }

  public ForType forType(JobType type) {
    return byType.getOrDefault(type, BUILT_IN.byType.get(type));
  }
}
