package io.bacalhau.plugins.docker;

import java.util.List;

/**
 * What every job container is denied, whatever its spec says: no privileged mode, every Linux
 * capability dropped but the few below, no gain of privileges through setuid binaries or file
 * capabilities, and a bound on its processes. The daemon's default seccomp profile stays on.
 *
 * <p>The kept capabilities are the subset of Docker's default set that ordinary images need when
 * they run as root, as most do:
 *
 * <ul>
 *   <li>{@code CHOWN}, {@code FOWNER}, {@code FSETID}, {@code DAC_OVERRIDE}: root may own, read and
 *       write files of other users (package managers, {@code tar -x} keeping owners, a root process
 *       writing into a folder it did not create);
 *   <li>{@code SETUID}, {@code SETGID}: images that drop to a service user ({@code su}, {@code
 *       gosu}, apt's {@code _apt} sandbox), which with no-new-privileges cannot go back up;
 *   <li>{@code KILL}: a root shell stops the other users' processes it started;
 *   <li>{@code NET_BIND_SERVICE}: a server of a Bridge or Host job on a port below 1024.
 * </ul>
 *
 * <p>Dropped from Docker's defaults: {@code MKNOD} (device nodes), {@code NET_RAW} (raw sockets:
 * spoofed packets on a Bridge or Host network, ARP tricks), {@code SETFCAP} and {@code SETPCAP}
 * (handing capabilities around), {@code SYS_CHROOT} and {@code AUDIT_WRITE} (login and sshd
 * machinery a batch job does not run).
 */
final class ContainerSecurity {
  static final List<String> CAPABILITIES_KEPT =
      List.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "SETUID",
          "SETGID",
          "KILL",
          "NET_BIND_SERVICE");

  /** Stops setuid binaries and file capabilities from raising a process above its parent. */
  static final String NO_NEW_PRIVILEGES = "no-new-privileges";

  /**
   * Processes and threads one container may hold: room for a parallel build or a JVM's threads,
   * while a fork bomb stops here rather than at the host's limit.
   */
  static final long PIDS_LIMIT = 4096;

  private ContainerSecurity() {}
}
