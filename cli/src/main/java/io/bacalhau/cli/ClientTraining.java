package io.bacalhau.cli;

import io.bacalhau.client.StartupTrace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A build-time workload, not a command: the launcher runs it once, in one JVM, to record the JDK's
 * AOT cache (JEP 483/514/515) of what the commands users type most load and run when they are
 * clients of the resident node: {@code version}, help, {@code job run}, {@code job list}, {@code
 * job describe} and the like. It starts a resident node on a scratch data dir, talks to it, and
 * stops it. First it writes what {@code --help} prints into the distribution, for {@link
 * QuickCommands}.
 */
public final class ClientTraining {
  private ClientTraining() {}

  /** What {@code --help} prints, through the command tree. */
  private static String help(Map<String, String> env, Path dataDir, boolean colour) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    Map<String, String> helpEnv = new HashMap<>(env);
    helpEnv.remove("NO_COLOR");
    CliSession session =
        new CliSession(
            new CliContext(print, print, InputStream.nullInputStream(), helpEnv, dataDir, colour));
    try (session) {
      Main.execute(Main.commandLineFor(session, "--help"), session, "--help");
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The commands of the {@code --list} cache: {@code job list}, the command typed most, which loads
   * half of what the whole training does (no databind readers of records: {@code JobJson}). Not its
   * JSON or YAML output, which is databind's: those would put it back in.
   */
  private static final List<List<String>> LISTS =
      List.of(
          List.of("job", "list"),
          List.of("job", "list", "--labels", "a=b", "--limit", "2", "--order-reversed"));

  /**
   * @param args the scratch data dir; before it, {@code --quick} trains only what {@code version}
   *     and {@code --help} run, {@code --list} only what {@code job list} runs (their own caches:
   *     an AOT cache loads all of its classes at start, which these commands would otherwise pay
   *     for)
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    // Classes Main.main uses around every command line, which the runs below skip (and picocli's
    // CommandLine, which Main's own linking loads even for version): cached, none of them is
    // looked up in the jars, which opens every jar on the class path before its own.
    List<Class<?>> aroundEveryCommand =
        List.of(ShutdownHook.class, StartupTrace.class, CommandLine.class);
    if (aroundEveryCommand.isEmpty()) {
      throw new AssertionError();
    }
    boolean quick = args[0].equals("--quick");
    boolean list = args[0].equals("--list");
    Path dataDir = Path.of(args[quick || list ? 1 : 0]).toAbsolutePath();
    Path spec = dataDir.resolve("training.yaml");
    Files.writeString(
        spec,
        // With engine params, as most jobs have: reading them back is trained too.
        "Name: training\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: noop\n      Params:\n        Stdout: \"trained\\n\"\n");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("BACALHAU_DIR", dataDir.toString());
    env.put("BACALHAU_DISABLEANALYTICS", "true"); // nothing leaves the machine
    env.remove("BACALHAU_IN_PROCESS");
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    if (quick) {
      for (String command : List.of("version", "--help")) {
        Main.run(
            new CliContext(sink, sink, InputStream.nullInputStream(), env, dataDir, false),
            command);
      }
      return;
    }
    if (list) {
      submitElsewhere(env, spec); // what submitting loads stays out of this cache
      train(env, dataDir, sink, LISTS);
      return; // the launcher stops the node
    }
    String home = System.getProperty("bacalhau.home");
    if (home != null) {
      QuickCommands.writeHelp(Path.of(home), help(env, dataDir, false), help(env, dataDir, true));
    }
    List<List<String>> commands =
        List.of(
            List.of("version"),
            List.of("--help"),
            List.of("job", "--help"),
            List.of("job", "run", spec.toString()),
            List.of("job", "run", "--wait=false", "--id-only", spec.toString()),
            List.of("job", "list"),
            List.of("job", "list", "--output", "json"),
            List.of("job", "describe", "training"),
            List.of("job", "history", "training"),
            List.of("job", "executions", "training"),
            List.of("job", "logs", "training"),
            List.of("node", "list"),
            List.of("docker", "run", "--dry-run", "busybox", "--", "true"),
            List.of("job", "describe", "no-such-job"),
            List.of("node", "local", "stop"));
    train(env, dataDir, sink, commands);
  }

  private static void train(
      Map<String, String> env, Path dataDir, PrintStream sink, List<List<String>> commands) {
    for (List<String> command : commands) {
      CliContext context =
          new CliContext(sink, sink, InputStream.nullInputStream(), env, dataDir, false);
      Main.run(context, command.toArray(String[]::new));
    }
  }

  /** Runs the training job to completion in a JVM of its own (which starts the resident node). */
  private static void submitElsewhere(Map<String, String> env, Path spec)
      throws IOException, InterruptedException {
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "job",
                "run",
                spec.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    child.environment().putAll(env);
    int code = child.start().waitFor();
    if (code != 0) {
      throw new IllegalStateException("the training job failed: exit code " + code);
    }
  }
}
