package io.bacalhau.cli.local;

/**
 * What a run file says of the node serving a data dir.
 *
 * @param host the address it listens on
 * @param port its API port
 * @param tls whether it talks https
 * @param pid its process
 * @param build the {@link BuildId} of its code
 * @param settings the {@link NodeSettingsStamp} of the settings it was started with
 * @param resident started on demand by a client (it requires the token and stops when idle), as
 *     opposed to by {@code bacalhau serve}
 */
public record LocalNodeRecord(
    String host, int port, boolean tls, long pid, String build, String settings, boolean resident) {

  /** Whether its process still runs (a pid reused since would fail the port check). */
  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** {@code http(s)://host:port}, where a server listening everywhere is reached on loopback. */
  public String address() {
    String h = host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return (tls ? "https" : "http") + "://" + h + ":" + port;
  }
}
