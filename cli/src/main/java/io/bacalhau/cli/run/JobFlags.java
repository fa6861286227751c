package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The job settings of {@code docker run} and {@code wasm run}: name, labels, count, placement. */
public final class JobFlags {
  @Option(
      names = "--name",
      paramLabel = "<name>",
      description = "The job name (default: generated).")
  String name = "";

  @Option(
      names = "--namespace",
      defaultValue = "default",
      paramLabel = "<namespace>",
      description = "The job namespace (default ${DEFAULT-VALUE}).")
  String namespace = "default";

  @Option(names = "--priority", paramLabel = "<n>", description = "The job priority (default 0).")
  int priority;

  @Option(
      names = {"-l", "--labels"},
      split = ",",
      paramLabel = "<key[=value]>",
      description = "Labels of the job, key=value or key (repeatable, comma-separated).")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--count",
      paramLabel = "<n>",
      description = "How many replicas to run (default 1).")
  Integer count;

  @Option(
      names = "--concurrency",
      hidden = true,
      paramLabel = "<n>",
      description = "Deprecated: use --count.")
  Integer concurrency;

  @Option(
      names = "--target",
      defaultValue = "any",
      paramLabel = "any|all",
      description = "Run on any one matching node (batch job) or on all of them (ops job).")
  String target = "any";

  @Option(
      names = "--constraints",
      paramLabel = "<selector>",
      description = "Node label selector, e.g. 'region=eu,gpu in (a100,h100)'.")
  String constraints = "";

  @Option(
      names = {"-s", "--selector"},
      hidden = true,
      paramLabel = "<selector>",
      description = "Deprecated: use --constraints.")
  String selector = "";

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  public int priority() {
    return priority;
  }

  public Map<String, String> labels() {
    return LabelFlag.parse(labels);
  }

  public JobType jobType() {
    return switch (target.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "any" -> JobType.BATCH;
      case "all" -> JobType.OPS;
      default ->
          throw new UsageException(
              "--target '" + target + "': must be any or all",
              "any runs the job once on a matching node; all runs it on every matching node.");
    };
  }

  public int count() {
    if (count != null && concurrency != null) {
      throw new UsageException("--count and --concurrency cannot both be given", "Use --count.");
    }
    int n = count != null ? count : concurrency != null ? concurrency : 1;
    if (n < 1) {
      throw new UsageException("--count " + n + ": must be at least 1", null);
    }
    return n;
  }

  public List<LabelSelectorRequirement> constraints() {
    boolean hasConstraints = !constraints.isBlank();
    if (hasConstraints && !selector.isBlank()) {
      throw new UsageException(
          "--constraints and --selector cannot both be given", "Use --constraints.");
    }
    return hasConstraints
        ? SelectorFlag.parse("--constraints", constraints)
        : SelectorFlag.parse("--selector", selector);
  }
}
