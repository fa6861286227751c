package io.bacalhau.cli.local;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another process of this CLI, started by this one (a resident node, a background worker): the same
 * JDK, class path and launcher settings, the user's {@code BACALHAU_JVM_OPTS}, the given CLI
 * arguments and environment. The class path goes in {@code CLASSPATH}, not on the command line: a
 * hundred jar paths would push the arguments past the 4 KiB of a command line that {@code ps} and
 * {@link ProcessHandle.Info} show, and the data dir among them is how one finds the process.
 */
public final class CliProcess {
  private static final File SETSID = new File("/usr/bin/setsid");

  private CliProcess() {}

  /**
   * @param jvmOptions options of this kind of process, before the user's (which win)
   * @param detach in a session of its own, so that Ctrl-C in the user's terminal, which signals the
   *     whole foreground process group, does not reach it
   */
  public static ProcessBuilder builder(
      List<String> jvmOptions, List<String> cliArgs, Map<String, String> env, boolean detach) {
    ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, cliArgs, env, detach));
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    return pb;
  }

  private static List<String> command(
      List<String> jvmOptions, List<String> cliArgs, Map<String, String> env, boolean detach) {
    List<String> command = new ArrayList<>();
    if (detach && SETSID.canExecute()) {
      command.add(SETSID.getPath()); // execs the JVM in place: the pid stays the JVM's
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED"); // SQLite's JNI library
    command.addAll(jvmOptions);
    // The launcher's class-data archive, trained on a job run in-process: what a node loads.
    String home = System.getProperty("bacalhau.home");
    if (home != null && new File(home, "bacalhau.jsa").isFile()) {
      command.add("-XX:SharedArchiveFile=" + new File(home, "bacalhau.jsa"));
      command.add("-Xlog:cds=off");
      command.add("-Xlog:cds+dynamic=off");
    }
    String userOptions = env.getOrDefault("BACALHAU_JVM_OPTS", "").strip();
    if (!userOptions.isEmpty()) {
      command.addAll(List.of(userOptions.split("\\s+"))); // split as the launcher splits them
    }
    // The launcher's settings (where the distribution and SQLite's unpacked library are), and a
    // build id a test poses with.
    for (String property :
        List.of("bacalhau.home", "org.sqlite.lib.path", "org.sqlite.lib.name", BuildId.PROPERTY)) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("io.bacalhau.cli.Main");
    command.addAll(cliArgs);
    return command;
  }
}
