package io.bacalhau.core.compute;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment a task sees: its own variables ({@code env:NAME} values read from the host only
 * when the node allows NAME), then the injected {@code BACALHAU_*} ones, which win.
 */
final class EnvironmentBuilder {
  private static final String HOST_PREFIX = "env:";

  private EnvironmentBuilder() {}

  static Map<String, String> build(
      Job job, Execution execution, List<String> allowList, Map<String, String> hostEnv) {
    Map<String, String> env = new TreeMap<>();
    job.task()
        .env()
        .forEach((name, value) -> env.put(name, resolve(name, value, allowList, hostEnv)));
    env.put("BACALHAU_EXECUTION_ID", execution.id());
    env.put("BACALHAU_JOB_ID", job.id());
    env.put("BACALHAU_JOB_TYPE", job.type());
    env.put("BACALHAU_PARTITION_INDEX", String.valueOf(execution.partitionIndex()));
    env.put("BACALHAU_PARTITION_COUNT", String.valueOf(job.count()));
    return env;
  }

  /** Whether every {@code env:} reference of the job may be resolved here; null if so, else why. */
  static String unresolvable(Job job, List<String> allowList, Map<String, String> hostEnv) {
    for (Map.Entry<String, String> e : job.task().env().entrySet()) {
      try {
        resolve(e.getKey(), e.getValue(), allowList, hostEnv);
      } catch (BacalhauException ex) {
        return ex.getMessage();
      }
    }
    return null;
  }

  private static String resolve(
      String name, String value, List<String> allowList, Map<String, String> hostEnv) {
    if (value == null || !value.startsWith(HOST_PREFIX)) {
      return value;
    }
    String hostName = value.substring(HOST_PREFIX.length());
    // Bacalhau matches allow-list patterns as unanchored regular expressions.
    boolean allowed =
        allowList.stream()
            .anyMatch(p -> Pattern.compile(p.replace("*", ".*")).matcher(hostName).find());
    if (!allowed) {
      throw BacalhauException.builder(
              ErrorCode.FORBIDDEN,
              "env var "
                  + name
                  + " reads host variable "
                  + hostName
                  + ", which this node does not allow")
          .component("Compute")
          .hint("Add a pattern matching " + hostName + " to Compute.Env.AllowList on the node.")
          .build();
    }
    return hostEnv.getOrDefault(hostName, "");
  }
}
