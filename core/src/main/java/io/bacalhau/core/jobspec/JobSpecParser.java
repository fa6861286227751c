package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a job spec (YAML or JSON, current or legacy {@code V1beta1} shape) into a {@link Job}, the
 * way {@code bacalhau job run} and {@code job validate} do: strict top-level keys, case-insensitive
 * field names, and Bacalhau's rule that a batch or service job without {@code Count} runs once.
 */
public final class JobSpecParser {
  /** The largest spec read, as in Bacalhau; readers may stop reading beyond it. */
  public static final int MAX_SPEC_BYTES = SpecDocument.MAX_BYTES;

  private JobSpecParser() {}

  /** The job, or a validation error naming the source and listing every problem. */
  public static Job parse(String source, byte[] content) {
    return read(source, content).orThrow();
  }

  /** Never throws for bad input: the result holds either a job or the problems. */
  public static ParsedSpec read(String source, byte[] content) {
    return read(source, content, false);
  }

  /**
   * A job sent to the API ({@code PUT /jobs}): clients send the whole Job, so the fields the server
   * owns are read (the sanitizer then resets them, warning when they were set) and keys this
   * version does not know are ignored with a warning, as Bacalhau's server does.
   */
  public static ParsedSpec readSubmitted(String source, byte[] content) {
    return read(source, content, true);
  }

  /**
   * {@link #readSubmitted(String, byte[])} of a job the API has already read as a JSON tree (the
   * {@code Job} of a request body), so its bytes are not written out and parsed again. The tree
   * becomes the parser's: it may be changed.
   */
  public static ParsedSpec readSubmitted(String source, ObjectNode root) {
    return read(source, root, new ArrayList<>(), true);
  }

  private static ParsedSpec read(String source, byte[] content, boolean submitted) {
    List<SpecProblem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = SpecDocument.read(content);
    } catch (SpecFormatException e) {
      problems.add(new SpecProblem("", e.getMessage()));
      return new ParsedSpec(source, null, null, problems, new ArrayList<>(), false);
    }
    return read(source, root, problems, submitted);
  }

  private static ParsedSpec read(
      String source, JsonNode root, List<SpecProblem> problems, boolean submitted) {
    List<String> warnings = new ArrayList<>();
    boolean legacy = LegacySpecTranslator.isLegacy(root);
    ObjectNode current =
        legacy
            ? LegacySpecTranslator.translate((ObjectNode) root, problems, warnings)
            : submitted
                ? TopLevelKeys.lenient((ObjectNode) root, warnings)
                : TopLevelKeys.check((ObjectNode) root, problems);
    Job job = new TreeDecoder(problems, warnings).record(Job.class, current, "");
    if (job != null && TopLevelKeys.get(current, "Count") == null && countDefaultsToOne(job)) {
      job = job.toBuilder().count(1).build();
    }
    if (job != null && legacy) {
      // Part of translating V1beta1: its WASM modules become input sources.
      job = LegacyWasmUpgrade.upgrade(job, problems);
    }
    return new ParsedSpec(source, problems.isEmpty() ? job : null, job, problems, warnings, legacy);
  }

  /** Batch and service jobs run one partition unless told otherwise; explicit 0 means "none". */
  private static boolean countDefaultsToOne(Job job) {
    Optional<JobType> type = job.jobType();
    return type.isPresent() && type.get().isPartitioned();
  }
}
