package io.bacalhau.core.jobspec;

import java.util.Map;

/** What a field should look like, for fields where "a string" would not help anyone. */
final class FieldHints {
  private static final Map<String, String> HINTS =
      Map.ofEntries(
          Map.entry("ResourcesConfig.CPU", "a string like \"500m\", \"1.5\" or \"2\" (CPU cores)"),
          Map.entry("ResourcesConfig.Memory", "a string like \"512Mb\", \"1Gi\" or \"2GB\""),
          Map.entry("ResourcesConfig.Disk", "a string like \"512Mb\", \"1Gi\" or \"2GB\""),
          Map.entry("ResourcesConfig.GPU", "a string with a whole number of GPUs like \"1\""),
          Map.entry("Job.Type", "a string: batch, ops, daemon or service"),
          Map.entry("Job.Count", "a whole number of executions like 1"),
          Map.entry("Job.Priority", "a whole number like 0"),
          Map.entry("NetworkConfig.Type", "a string: Default, None, Host, HTTP or Bridge"),
          Map.entry("TimeoutConfig.ExecutionTimeout", "a whole number of seconds like 600"),
          Map.entry("TimeoutConfig.QueueTimeout", "a whole number of seconds like 600"),
          Map.entry("TimeoutConfig.TotalTimeout", "a whole number of seconds like 600"),
          Map.entry("PortMapping.Static", "a port number like 8080"),
          Map.entry("PortMapping.Target", "a port number like 8080"),
          Map.entry("InputSource.Target", "an absolute path like \"/inputs\""),
          Map.entry("ResultPath.Path", "an absolute path like \"/outputs\""));

  private FieldHints() {}

  static String of(String typeAndField) {
    return HINTS.get(typeAndField);
  }
}
