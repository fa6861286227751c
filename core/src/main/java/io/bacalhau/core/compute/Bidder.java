package io.bacalhau.core.compute;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import java.time.Duration;

/**
 * Decides whether this node takes an execution: its engine, publisher and inputs are installed
 * here, the node's {@code JobAdmissionControl} admits it, it fits in the node's capacity, its
 * {@code env:} references are allowed, then the engine has nothing against it (its bid hook), and,
 * last, the configured probes say yes.
 */
final class Bidder {
  /** How long a probe may think; a bid must not hold a job for long. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

  private final ProviderRegistry registry;
  private final ComputeSettings settings;
  private final ProbeExec probeExec;
  private final ProbeHttp probeHttp;

  Bidder(ProviderRegistry registry, ComputeSettings settings) {
    this.registry = registry;
    this.settings = settings;
    AdmissionControl control = settings.admission();
    this.probeExec =
        control.probeExec().isEmpty()
            ? null
            : new ProbeExec(control.probeExec(), settings.hostEnv().get("PATH"), PROBE_TIMEOUT);
    this.probeHttp =
        control.probeHttp().isEmpty() ? null : new ProbeHttp(control.probeHttp(), PROBE_TIMEOUT);
  }

  /** Null when the node bids as far as it can tell without asking a probe, else the reason. */
  String rejection(Job job, Execution execution) {
    Task task = job.task();
    if (!installed(ProviderKind.ENGINE, task.engine().type())) {
      return "engine " + task.engine().type() + " is not installed on this node";
    }
    if (!task.publisher().isEmpty()
        && !installed(ProviderKind.PUBLISHER, task.publisher().type())) {
      return "publisher " + task.publisher().type() + " is not installed on this node";
    }
    for (InputSource input : task.inputSources()) {
      if (!installed(ProviderKind.INPUT_SOURCE, input.source().type())) {
        return "input source " + input.source().type() + " is not installed on this node";
      }
    }
    String admission = AdmissionRules.rejection(settings.admission(), job, this::isLocal);
    if (admission != null) {
      return admission;
    }
    Resources needed = execution.allocatedResources().total();
    if (!needed.fitsIn(settings.capacity())) {
      return "job needs " + needed + " but this node has at most " + settings.capacity();
    }
    return EnvironmentBuilder.unresolvable(job, settings.envAllowList(), settings.hostEnv());
  }

  /**
   * What may take a while, asked once {@link #rejection} found nothing: the engine's bid hook, then
   * the configured probes. Null when all say bid, else the first refusal.
   */
  String slowRejection(Job job) throws InterruptedException {
    String refused = engineRejection(job);
    return refused != null ? refused : probeRejection(job);
  }

  /** The engine's own objection; an engine whose check breaks cannot vouch for the job either. */
  private String engineRejection(Job job) {
    String type = job.task().engine().type();
    try {
      return registry.engine(type).bidRefusal(job).orElse(null);
    } catch (RuntimeException | LinkageError e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage();
      return "engine " + type + " could not check the job: " + why;
    }
  }

  private String probeRejection(Job job) throws InterruptedException {
    if (probeExec == null && probeHttp == null) {
      return null;
    }
    String json = ProbeData.json(settings.nodeId(), job);
    String refused = probeExec == null ? null : probeExec.rejection(json);
    if (refused == null && probeHttp != null) {
      refused = probeHttp.rejection(json);
    }
    return refused;
  }

  private boolean isLocal(InputSource input) {
    return registry.inputSource(input.source().type()).isLocal(input.source());
  }

  private boolean installed(ProviderKind kind, String type) {
    return registry.installedTypes(kind).stream().anyMatch(t -> t.equalsIgnoreCase(type.strip()));
  }
}
