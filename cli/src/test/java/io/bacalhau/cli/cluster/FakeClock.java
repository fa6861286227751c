package io.bacalhau.cli.cluster;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A wall clock the test moves, for the processes started with {@link #env()}: Debian's libfaketime
 * preloaded, reading its offset from a file this class rewrites. Only the wall clock moves (as when
 * NTP steps it); the monotonic clock, which intervals should use, stays true.
 */
final class FakeClock {
  private static final Path LIBRARY =
      Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1");

  private final Path offsetFile;

  FakeClock(Path dir) throws IOException {
    RealServices.require(
        Files.isReadable(LIBRARY), "libfaketime (Debian: apt-get install faketime) at " + LIBRARY);
    this.offsetFile = dir.resolve("faketime-offset");
    jump("+0");
  }

  Map<String, String> env() {
    return Map.of(
        "LD_PRELOAD",
        LIBRARY.toString(),
        "FAKETIME_TIMESTAMP_FILE",
        offsetFile.toString(),
        // Read the file again at most once a second, so a jump takes effect within a second.
        "FAKETIME_CACHE_DURATION",
        "1",
        "FAKETIME_DONT_FAKE_MONOTONIC",
        "1",
        // libfaketime turns on its "monotonic fix" by itself on this glibc: timed waits on the
        // monotonic clock then end at once, and the JVM's own threads spin (a 5 s sleep took 20 s
        // of CPU and 16 s of wall time). Off, the waits are the kernel's own.
        "FAKETIME_FORCE_MONOTONIC_FIX",
        "0");
  }

  /** Sets the offset from the true time, in libfaketime's words: "+1h", "-30m", "+0". */
  void jump(String offset) throws IOException {
    Path next = offsetFile.resolveSibling(offsetFile.getFileName() + ".next");
    Files.writeString(next, offset + "\n");
    Files.move(next, offsetFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
