package io.bacalhau.plugins.docker;

import java.util.Optional;

/**
 * The process that runs a container: host, pid and start time. Several processes may serve one
 * node's data dir (a CLI run and the background worker), so a container is a leftover only when its
 * owner process is gone, not merely when it belongs to this node.
 */
record Owner(String host, long pid, long startMillis) {

  static Owner current() {
    ProcessHandle self = ProcessHandle.current();
    return new Owner(hostName(), self.pid(), startMillis(self));
  }

  String label() {
    return host + ":" + pid + ":" + startMillis;
  }

  static Optional<Owner> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String[] parts = label.split(":");
    try {
      return parts.length == 3
          ? Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether this owner is a live process on this host (a recycled pid has another start). */
  boolean isAlive() {
    if (!host.equals(hostName())) {
      return true; // another machine's process: not ours to judge
    }
    return ProcessHandle.of(pid)
        .filter(p -> p.isAlive() && startMillis(p) == startMillis)
        .isPresent();
  }

  private static long startMillis(ProcessHandle p) {
    return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replace(':', '_');
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
