package io.bacalhau.core.orchestrator;

import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.JobNormalizer;
import io.bacalhau.core.jobspec.JobSanitizer;
import io.bacalhau.core.jobspec.JobValidator;
import io.bacalhau.core.jobspec.LegacyWasmUpgrade;
import io.bacalhau.core.jobspec.SpecProblem;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a submitted spec goes through before it is stored: normalize, sanitize (with warnings),
 * upgrade legacy WASM params, fill in server-side fields and defaults, then validate, once, and
 * check that this node has every engine, publisher and input source the job names. Clients only
 * parse: this is where every spec is judged, whoever sent it.
 */
final class SubmissionPipeline {
  static final String META_ORCHESTRATOR_ID = "bacalhau.org/orchestrator.id";
  static final String META_REQUESTER_ID = "bacalhau.org/requester.id";

  private final JobDefaults defaults;
  private final ProviderRegistry registry;
  private final String nodeId;

  SubmissionPipeline(JobDefaults defaults, ProviderRegistry registry, String nodeId) {
    this.defaults = defaults;
    this.registry = registry;
    this.nodeId = nodeId;
  }

  /** A job ready to store, with the warnings the user should see. */
  record Prepared(Job job, List<String> warnings) {}

  Prepared prepare(Job submitted) {
    Job job = JobNormalizer.normalize(submitted);
    JobSanitizer.Sanitized sanitized = JobSanitizer.sanitize(job);
    List<SpecProblem> problems = new ArrayList<>();
    job = LegacyWasmUpgrade.upgrade(sanitized.job(), problems);
    job = applyDefaults(job);
    problems.addAll(JobValidator.validate(job));
    if (!problems.isEmpty()) {
      throw new InvalidSpecException(problems);
    }
    checkProviders(job.task());
    return new Prepared(job, sanitized.warnings());
  }

  /**
   * Fills in what the user left out; what they wrote, even if invalid, is kept as written, so that
   * validation afterwards reports their mistakes and not the defaults.
   */
  private Job applyDefaults(Job job) {
    String id = job.id().isBlank() ? Ids.job() : job.id();
    Optional<JobType> parsedType = job.jobType();
    if (parsedType.isEmpty() || job.task() == null) {
      return job.toBuilder().id(id).name(job.name().isBlank() ? id : job.name()).build();
    }
    JobType type = parsedType.get();
    JobDefaults.ForType d = defaults.forType(type);
    Map<String, String> meta = new LinkedHashMap<>(job.meta());
    meta.put(META_ORCHESTRATOR_ID, nodeId);
    meta.put(META_REQUESTER_ID, nodeId);
    Task task = job.task();
    ResourcesConfig r = task.resources();
    ResourcesConfig resources =
        new ResourcesConfig(
            r.cpu().isBlank() ? d.resources().cpu() : r.cpu(),
            r.memory().isBlank() ? d.resources().memory() : r.memory(),
            r.disk().isBlank() ? d.resources().disk() : r.disk(),
            r.gpu().isBlank() ? d.resources().gpu() : r.gpu());
    Task.Builder tb = task.toBuilder().resources(resources);
    if (type == JobType.BATCH || type == JobType.OPS) {
      if (task.publisher().isEmpty() && !d.publisher().isEmpty()) {
        tb.publisher(d.publisher());
      }
      TimeoutConfig t = task.timeouts();
      tb.timeouts(
          new TimeoutConfig(
              t.executionTimeout() != 0 ? t.executionTimeout() : d.executionTimeout().toSeconds(),
              t.queueTimeout(),
              t.totalTimeout() != 0 ? t.totalTimeout() : d.totalTimeout().toSeconds()));
    }
    return job.toBuilder()
        .id(id)
        .name(job.name().isBlank() ? id : job.name())
        .priority(job.priority() == 0 ? d.priority() : job.priority())
        .meta(meta)
        .task(tb.build())
        .build();
  }

  private void checkProviders(Task task) {
    registry.require(ProviderKind.ENGINE, task.engine().type());
    registry.engine(task.engine().type()).validate(task.engine());
    if (!task.publisher().isEmpty()) {
      registry.require(ProviderKind.PUBLISHER, task.publisher().type());
      registry.publisher(task.publisher().type()).validate(task.publisher());
    }
    for (InputSource input : task.inputSources()) {
      registry.require(ProviderKind.INPUT_SOURCE, input.source().type());
      registry.inputSource(input.source().type()).validate(input.source());
    }
  }
}
