package io.bacalhau.plugins.otel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The property names of the seed, typed out again here so that a rename in code shows up. */
final class SeedEvents {
  private SeedEvents() {}

  static final List<String> JOB =
      List.of(
          "job_id",
          "name_set",
          "namespace_hash",
          "type",
          "count",
          "labels_count",
          "meta_count",
          "version",
          "revision",
          "create_time",
          "modify_time",
          "task_name_hash",
          "task_engine_type",
          "task_publisher_type",
          "task_env_var_count",
          "task_meta_count",
          "task_input_source_types",
          "task_result_path_count",
          "resources",
          "task_network_type",
          "task_domains_count",
          "task_execution_timeout",
          "task_queue_timeout",
          "task_total_timeout");

  static final Set<String> SUBMIT = with(JOB, "warnings", "error");
  static final Set<String> TERMINAL = with(JOB, "state");
  static final Set<String> EXECUTION =
      Set.of(
          "job_id",
          "execution_id",
          "evaluation_id",
          "name_set",
          "node_name_hash",
          "namespace_hash",
          "resources",
          "desired_state",
          "desired_state_error_code",
          "compute_state",
          "compute_state_error_code",
          "publisher_type",
          "run_result_stdout_truncated",
          "run_result_stderr_truncated",
          "run_result_exit_code",
          "previous_execution",
          "next_execution",
          "followup_eval_id",
          "revision",
          "create_time",
          "modify_time");
  static final Set<String> COMPUTE_MESSAGE =
      Set.of("job_id", "execution_id", "compute_message", "compute_state_error_code");
  static final Set<String> RESOURCE =
      Set.of("installation_id", "instance_id", "node_id_hash", "node_type", "node_version");

  private static Set<String> with(List<String> base, String... more) {
    Set<String> s = new HashSet<>(base);
    s.addAll(List.of(more));
    return Set.copyOf(s);
  }
}
