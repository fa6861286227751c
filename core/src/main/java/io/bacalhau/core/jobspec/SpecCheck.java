package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@code job validate} (and of a dry run, which submits nothing): parse, normalize,
 * sanitize, upgrade legacy WASM params, ValidateSubmission. A submission is judged by the node
 * alone. Problems from decoding and from validation are reported together, so one run shows
 * everything; a field that could not be decoded is not reported a second time as missing.
 *
 * @param job the sanitized job, or null when there are problems
 */
public record SpecCheck(Job job, List<SpecProblem> problems, List<String> warnings) {
  public SpecCheck {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public static SpecCheck of(ParsedSpec parsed) {
    List<SpecProblem> problems = new ArrayList<>(parsed.problems());
    List<String> warnings = new ArrayList<>(parsed.warnings());
    if (parsed.draft() == null) {
      return new SpecCheck(null, problems, warnings);
    }
    JobSanitizer.Sanitized sanitized =
        JobSanitizer.sanitize(JobNormalizer.normalize(parsed.draft()));
    warnings.addAll(sanitized.warnings());
    List<SpecProblem> found = new ArrayList<>();
    Job upgraded = LegacyWasmUpgrade.upgrade(sanitized.job(), found);
    found.addAll(JobValidator.validateSubmission(upgraded));
    for (SpecProblem p : found) {
      if (parsed.problems().stream().noneMatch(decoded -> covers(decoded.path(), p.path()))) {
        problems.add(p);
      }
    }
    return new SpecCheck(problems.isEmpty() ? upgraded : null, problems, warnings);
  }

  /** The checks of a job built in code (from {@code docker run} flags, say). */
  public static SpecCheck of(Job job) {
    return of(new ParsedSpec("the job spec", job, job, List.of(), List.of(), false));
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** A decoding problem at {@code Tasks} explains any validation problem at or below it. */
  private static boolean covers(String decoded, String validated) {
    return decoded.equalsIgnoreCase(validated)
        || validated.regionMatches(true, 0, decoded + ".", 0, decoded.length() + 1)
        || validated.regionMatches(true, 0, decoded + "[", 0, decoded.length() + 1);
  }
}
