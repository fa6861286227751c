package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bacalhau's SanitizeSubmission: drops what a submission may not set and says so in warnings, so
 * the job still runs but the user learns their field had no effect. It also warns of secrets
 * written into the spec ({@link SecretEnv}).
 */
public final class JobSanitizer {
  /** Meta keys under this prefix belong to the system. */
  public static final String RESERVED_META_PREFIX = "bacalhau.org/";

  private JobSanitizer() {}

  /** A sanitized job and the warnings explaining what was dropped. */
  public record Sanitized(Job job, List<String> warnings) {
    public Sanitized {
      warnings = List.copyOf(warnings);
    }
  }

  public static Sanitized sanitize(Job job) {
    List<String> warnings = new ArrayList<>();
    Job.Builder b = job.toBuilder();
    if (job.stateType() != JobStateType.UNDEFINED
        || !job.state().message().isEmpty()
        || !job.state().details().isEmpty()) {
      warnings.add("job state is ignored when submitting a job");
      b.state(State.of(JobStateType.UNDEFINED));
    }
    if (job.revision() != 0) {
      warnings.add("job revision is ignored when submitting a job");
      b.revision(0);
    }
    if (job.version() != 0) {
      warnings.add("job version is ignored when submitting a job");
      b.version(0);
    }
    if (job.createTime() != 0) {
      warnings.add("job create time is ignored when submitting a job");
      b.createTime(0);
    }
    if (job.modifyTime() != 0) {
      warnings.add("job modify time is ignored when submitting a job");
      b.modifyTime(0);
    }
    JobType type = job.jobType().orElse(null);
    if (!job.id().isBlank() && (type == JobType.BATCH || type == JobType.OPS)) {
      warnings.add("job ID is ignored when submitting a " + type.value() + " job");
      b.id("");
    }
    if (job.tasks().size() > 1) {
      warnings.add("only one task is supported per job");
      b.tasks(List.of(job.tasks().get(0)));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : job.meta().entrySet()) {
      if (e.getKey().startsWith(RESERVED_META_PREFIX)) {
        warnings.add("job meta key \"" + e.getKey() + "\" is reserved and will be ignored");
      } else {
        meta.put(e.getKey(), e.getValue());
      }
    }
    b.meta(meta);
    if (!job.tasks().isEmpty()) {
      warnings.addAll(SecretEnv.warnings(job.tasks().get(0), "Tasks[0]"));
    }
    return new Sanitized(b.build(), warnings);
  }
}
