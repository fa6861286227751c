package io.bacalhau.cli;

import io.bacalhau.cli.errors.ErrorReporter;
import io.bacalhau.client.StartupTrace;
import io.bacalhau.core.errors.FatalErrors;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: {@link #run} is what tests, the launcher and the shell all call. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StartupTrace.mark("main");
    CliSession session = new CliSession(CliContext.system());
    // Ctrl-C or a kill: stop waiting, leave the jobs running (a background worker takes them over).
    ShutdownHook hook = ShutdownHook.install(session);
    int code;
    try (session) {
      code = execute(session, args);
    }
    StartupTrace.mark("command done, session closed");
    hook.exit(code, session.mayHalt());
  }

  /** Runs one command line with the process environment and returns its exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(
        new CliContext(
            out,
            err,
            InputStream.nullInputStream(),
            System.getenv(),
            Path.of("").toAbsolutePath(),
            false),
        args);
  }

  /** Runs one command line with the given environment and returns its exit code. */
  public static int run(PrintStream out, PrintStream err, Map<String, String> env, String... args) {
    return run(
        new CliContext(
            out, err, InputStream.nullInputStream(), env, Path.of("").toAbsolutePath(), false),
        args);
  }

  public static int run(CliContext context, String... args) {
    try (CliSession session = new CliSession(context)) {
      return execute(session, args);
    }
  }

  /**
   * Runs one command line. picocli hands Exceptions to our handler but lets Errors through (a
   * plugin missing a class, a stack overflow): those are reported the same way, never as a bare
   * stack trace. Only a fatal VM error ({@link FatalErrors}) ends the process as the JVM ends it.
   */
  static int execute(CliSession session, String... args) {
    if (QuickCommands.answer(session, args)) {
      return ExitCode.OK;
    }
    CommandLine commands =
        configure(CommandTree.forArgs(new CommandFactory(session), args), session);
    StartupTrace.mark("command tree built");
    return execute(commands, session, args);
  }

  /** The tree one command line needs, bound to a session, with our error handling and streams. */
  static CommandLine commandLineFor(CliSession session, String... args) {
    return configure(CommandTree.forArgs(new CommandFactory(session), args), session);
  }

  /**
   * Runs one command line on a command tree of this session (the shell keeps one for all lines).
   */
  public static int execute(CommandLine commands, CliSession session, String... args) {
    try {
      return commands.execute(args);
    } catch (Error e) {
      FatalErrors.rethrowIfFatal(e);
      return new ErrorReporter(session).report(e);
    }
  }

  /**
   * The whole command tree bound to a session, with our error handling and streams (the shell and
   * completion scripts need every command; a single command line builds only what it names).
   */
  public static CommandLine commandLine(CliSession session) {
    return configure(CommandTree.whole(new CommandFactory(session)), session);
  }

  private static CommandLine configure(CommandLine cmd, CliSession session) {
    ErrorReporter reporter = new ErrorReporter(session);
    cmd.setOut(new java.io.PrintWriter(session.out(), true));
    cmd.setErr(new java.io.PrintWriter(session.err(), true));
    cmd.setExecutionExceptionHandler(reporter);
    cmd.setParameterExceptionHandler(reporter);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            session.context().colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return cmd;
  }
}
