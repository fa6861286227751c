package io.bacalhau.plugins.docker;

import java.util.List;
import java.util.Locale;

/**
 * The domains an HTTP-networked task may reach. {@code example.com} matches that host only; {@code
 * .example.com} matches it and every subdomain, as in Bacalhau's HTTP gateway.
 */
public record DomainAllowList(List<String> domains) {
  public DomainAllowList {
    domains =
        domains.stream()
            .map(d -> d.strip().toLowerCase(Locale.ROOT))
            .filter(d -> !d.isEmpty())
            .toList();
  }

  public boolean allows(String host) {
    String h = strip(host).toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String d : domains) {
      if (d.startsWith(".") ? h.equals(d.substring(1)) || h.endsWith(d) : h.equals(d)) {
        return true;
      }
    }
    return false;
  }

  /** IPv6 literals arrive bracketed in URLs and CONNECT lines. */
  private static String strip(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
