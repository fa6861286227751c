package io.bacalhau.core.compute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code JobAdmissionControl.ProbeExec}: runs the configured command with {@code bash -c}, the bid
 * request as JSON on its standard input and in {@code BACALHAU_JOB_SELECTION_PROBE_DATA}. Only
 * {@code PATH} of the node's environment is passed through, so the node's credentials never reach
 * the probe. Exit 0 means bid; otherwise the probe's standard error, if any, is the reason.
 */
final class ProbeExec {
  static final String DATA_VARIABLE = "BACALHAU_JOB_SELECTION_PROBE_DATA";
  private static final int MAX_REASON = 1000;

  private final String command;
  private final String path;
  private final Duration timeout;

  ProbeExec(String command, String path, Duration timeout) {
    this.command = command;
    this.path = path == null ? "" : path;
    this.timeout = timeout;
  }

  /** Null when the probe says bid, else the reason it does not. */
  String rejection(String requestJson) throws InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", command);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", path);
    env.put(DATA_VARIABLE, requestJson);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return "this node could not run its ProbeExec command `" + command + "`: " + e.getMessage();
    }
    try {
      Thread feeder = Thread.ofVirtual().start(() -> feed(process.getOutputStream(), requestJson));
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Thread reader = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return "this node does not accept this job: its ProbeExec command `"
            + command
            + "` did not answer within "
            + timeout.toSeconds()
            + "s";
      }
      feeder.join();
      reader.join();
      int exit = process.exitValue();
      if (exit == 0) {
        return null;
      }
      String err = stderr.toString(StandardCharsets.UTF_8).strip();
      if (!err.isEmpty()) {
        return "this node does not accept this job: " + shorten(err);
      }
      return "this node does not accept jobs where external command \""
          + command
          + "\" returns exit code "
          + exit;
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** A probe that does not read its input is fine: a broken pipe is ignored. */
  private static void feed(OutputStream in, String json) {
    try (in) {
      in.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // the command exited or closed its input without reading it all
    }
  }

  private static void drain(InputStream err, ByteArrayOutputStream into) {
    try (err) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = err.read(buf)) >= 0) {
        if (into.size() < MAX_REASON * 4) {
          into.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the process was killed
    }
  }

  private static String shorten(String s) {
    return s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "..." : s;
  }
}
