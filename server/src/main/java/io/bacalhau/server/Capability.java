package io.bacalhau.server;

import java.util.Locale;

/**
 * What a request needs: reading or writing one kind of resource. A user's capability strings
 * ({@code read:job}, {@code write:*}, {@code *}) grant it when they name its action and resource.
 */
public record Capability(String action, String resource) {

  /** GET reads, everything else writes; the resource comes from the route's group. */
  static Capability of(String method, String resource) {
    return new Capability(method.equalsIgnoreCase("GET") ? "read" : "write", resource);
  }

  boolean grantedBy(String granted) {
    String g = granted.strip().toLowerCase(Locale.ROOT);
    if (g.equals("*") || g.equals("*:*")) {
      return true;
    }
    int colon = g.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String a = g.substring(0, colon);
    String r = g.substring(colon + 1);
    return (a.equals("*") || a.equals(action)) && (r.equals("*") || r.equals(resource));
  }

  @Override
  public String toString() {
    return action + ":" + resource;
  }
}
