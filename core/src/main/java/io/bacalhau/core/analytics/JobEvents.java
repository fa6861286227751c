package io.bacalhau.core.analytics;

import io.bacalhau.core.identity.Hashing;
import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Job events (SubmitJobEvent, JobTerminalEvent): counts, types and hashes of a job, never its
 * contents. Names of the seed's properties are kept exactly; env values, params, paths and images
 * are left out.
 */
public final class JobEvents {
  private JobEvents() {}

  /** A submission, accepted (error empty) or refused (error says why). */
  public static AnalyticsEvent submitted(Job job, List<String> warnings, String error) {
    Map<String, Object> p = common(job);
    p.put("warnings", List.copyOf(warnings));
    p.put("error", error == null ? "" : error);
    return new AnalyticsEvent(EventTypes.JOB_SUBMIT, p);
  }

  /** A job that reached Completed, Failed or Stopped. */
  public static AnalyticsEvent terminal(Job job) {
    Map<String, Object> p = common(job);
    p.put("state", job.stateType().label());
    return new AnalyticsEvent(EventTypes.JOB_TERMINAL, p);
  }

  private static Map<String, Object> common(Job job) {
    Task task = job.task() == null ? Task.builder().build() : job.task();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("job_id", job.id());
    p.put("name_set", !job.name().isEmpty() && !job.name().equals(job.id()));
    p.put("namespace_hash", Hashing.sha256(job.namespace()));
    p.put("type", job.type());
    p.put("count", (long) job.count());
    p.put("labels_count", (long) job.labels().size());
    p.put("meta_count", (long) job.meta().size());
    p.put("version", job.version());
    p.put("revision", job.revision());
    p.put("create_time", time(job.createTime()));
    p.put("modify_time", time(job.modifyTime()));
    p.put("task_name_hash", Hashing.sha256(task.name()));
    p.put("task_engine_type", task.engine().type());
    p.put("task_publisher_type", task.publisher().type());
    p.put("task_env_var_count", (long) task.env().size());
    p.put("task_meta_count", (long) task.meta().size());
    p.put(
        "task_input_source_types",
        task.inputSources().stream().map(InputSource::source).map(s -> s.type()).toList());
    p.put("task_result_path_count", (long) task.resultPaths().size());
    p.put("resources", ResourceProperties.of(requested(task)));
    p.put("task_network_type", task.network().networkType().label());
    p.put("task_domains_count", (long) task.network().domains().size());
    p.put("task_execution_timeout", task.timeouts().executionTimeout());
    p.put("task_queue_timeout", task.timeouts().queueTimeout());
    p.put("task_total_timeout", task.timeouts().totalTimeout());
    return p;
  }

  /** What the task asks for; a refused submission may not parse, then nothing is reported. */
  private static Resources requested(Task task) {
    try {
      return ResourceParser.parse(task.resources());
    } catch (RuntimeException invalid) {
      return Resources.ZERO;
    }
  }

  /** RFC 3339 in UTC, as Bacalhau's JSON times read; empty when unset. */
  static String time(long nanos) {
    return nanos == 0 ? "" : Times.instant(nanos).toString();
  }
}
