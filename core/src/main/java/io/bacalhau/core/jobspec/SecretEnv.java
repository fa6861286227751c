package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Task variables whose name says they hold a secret ({@code *SECRET*}, {@code *TOKEN*}, {@code
 * *PASSWORD*}, {@code *_KEY}) but whose value is written into the spec. The spec is stored and
 * shown as written ({@code job describe --output json|yaml}, the API), so such a value is readable
 * by anyone who can read the job; Bacalhau's way is {@code NAME: env:NAME}, read from the node's
 * environment when {@code Compute.Env.AllowList} allows it. The value is kept, not masked: the task
 * needs it, and a described job must round-trip as Bacalhau returns it.
 */
final class SecretEnv {
  private static final String HOST_PREFIX = "env:";

  private SecretEnv() {}

  /** One warning per literal secret-looking variable of the task, naming it and the fix. */
  static List<String> warnings(Task task, String path) {
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(task.env()).entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      if (looksSecret(e.getKey()) && !value.isEmpty() && !value.startsWith(HOST_PREFIX)) {
        warnings.add(
            path
                + ".Env."
                + e.getKey()
                + " looks like a secret written into the spec, where anyone who can read the job"
                + " sees it (job describe --output json|yaml); write "
                + e.getKey()
                + ": env:"
                + e.getKey()
                + " to read it from the node's environment, allowed there with"
                + " Compute.Env.AllowList");
      }
    }
    return warnings;
  }

  static boolean looksSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.contains("SECRET")
        || n.contains("TOKEN")
        || n.contains("PASSWORD")
        || n.endsWith("_KEY");
  }
}
