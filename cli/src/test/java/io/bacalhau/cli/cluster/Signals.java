package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

/**
 * POSIX signals to a test's own processes: SIGSTOP freezes a process that keeps its sockets open (a
 * node that stops answering without hanging up), SIGCONT wakes it.
 */
final class Signals {
  private Signals() {}

  static void stop(long pid) throws IOException, InterruptedException {
    send("STOP", pid);
  }

  static void resume(long pid) throws IOException, InterruptedException {
    send("CONT", pid);
  }

  private static void send(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
  }
}
