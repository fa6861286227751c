package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bacalhau's Normalize: fills what a spec may leave out and tidies what it may spell loosely, so
 * that validation and the "same spec?" comparison see one spelling. Missing collections are already
 * empty in the records. Idempotent.
 */
public final class JobNormalizer {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private JobNormalizer() {}

  public static Job normalize(Job job) {
    String type = job.type().strip().toLowerCase(Locale.ROOT);
    int count = job.count();
    if (JobType.parse(type).filter(t -> !t.isPartitioned()).isPresent()) {
      count = 0; // ops and daemon jobs run once on every matching node
    }
    return job.toBuilder()
        .type(type)
        .namespace(job.namespace().isBlank() ? Job.DEFAULT_NAMESPACE : job.namespace())
        .name(job.name().isBlank() ? job.id() : job.name())
        .count(count)
        .tasks(job.tasks().stream().map(JobNormalizer::task).toList())
        .build();
  }

  static Task task(Task task) {
    return task.toBuilder()
        .engine(spec(task.engine()))
        .publisher(spec(task.publisher()))
        .resources(resources(task.resources()))
        .inputSources(
            task.inputSources().stream()
                .map(i -> new InputSource(spec(i.source()), i.alias().strip(), i.target().strip()))
                .toList())
        .resultPaths(
            task.resultPaths().stream()
                .map(r -> new ResultPath(r.name().strip(), r.path().strip()))
                .toList())
        .network(network(task.network()))
        .build();
  }

  private static SpecConfig spec(SpecConfig c) {
    return new SpecConfig(c.type().strip(), c.params());
  }

  private static ResourcesConfig resources(ResourcesConfig r) {
    return new ResourcesConfig(tidy(r.cpu()), tidy(r.memory()), tidy(r.disk()), tidy(r.gpu()));
  }

  /** Resource strings compare case-blind and without spaces: "1 GB" and "1gb" are one value. */
  private static String tidy(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    // Most specs have no spaces here: no pattern is compiled and run for them (four per job).
    return lower.chars().anyMatch(Character::isWhitespace)
        ? SPACES.matcher(lower).replaceAll("")
        : lower;
  }

  private static NetworkConfig network(NetworkConfig n) {
    List<String> domains =
        n.domains().stream().map(d -> d.strip().toLowerCase(Locale.ROOT)).toList();
    return new NetworkConfig(n.type().strip(), domains, n.ports());
  }
}
