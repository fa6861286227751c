package io.bacalhau.core.compute;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;

/**
 * Decides whether this node takes an execution: its engine, publisher and inputs are installed
 * here, it fits in the node's capacity, and its {@code env:} references are allowed.
 */
final class Bidder {
  private final ProviderRegistry registry;
  private final ComputeSettings settings;

  Bidder(ProviderRegistry registry, ComputeSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  /** Null when the node bids, else the reason it does not. */
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
    Resources needed = execution.allocatedResources().total();
    if (!needed.fitsIn(settings.capacity())) {
      return "job needs " + needed + " but this node has at most " + settings.capacity();
    }
    return EnvironmentBuilder.unresolvable(job, settings.envAllowList(), settings.hostEnv());
  }

  private boolean installed(ProviderKind kind, String type) {
    return registry.installedTypes(kind).stream().anyMatch(t -> t.equalsIgnoreCase(type.strip()));
  }
}
