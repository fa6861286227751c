package io.bacalhau.core.models;

import java.util.regex.Pattern;

/** What Kubernetes (and so Bacalhau) allows as a label key and value. */
public final class LabelKeys {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelKeys() {}

  /** Why a label key is invalid, or null. */
  public static String keyProblem(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && (prefix.length() > 253 || !PREFIX.matcher(prefix).matches())) {
      return "key prefix '" + prefix + "' must be a DNS subdomain";
    }
    if (!NAME.matcher(name).matches()) {
      return "key '"
          + key
          + "' must be 63 characters or less of [A-Za-z0-9-_.], starting and"
          + " ending with a letter or digit";
    }
    return null;
  }

  /** Why a non-empty label value is invalid, or null. */
  public static String valueProblem(String value) {
    if (value.isEmpty() || NAME.matcher(value).matches()) {
      return null;
    }
    return "value '"
        + value
        + "' must be 63 characters or less of [A-Za-z0-9-_.], starting"
        + " and ending with a letter or digit";
  }
}
