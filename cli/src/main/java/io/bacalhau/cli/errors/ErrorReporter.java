package io.bacalhau.cli.errors;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.ConfigProblems;
import io.bacalhau.core.errors.BacalhauException;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The one place that turns exceptions into {@code Error:}/{@code Hint:} lines and exit codes. */
public final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  private final CliSession session;

  public ErrorReporter(CliSession session) {
    this.session = session;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex);
  }

  /** Prints an exception the way every command does and returns the exit code it maps to. */
  public int report(Throwable ex) {
    PrintStream err = session.err();
    boolean debug =
        session.globalOptions().debug() || "true".equals(session.context().env().get("DEBUG"));
    return switch (ex) {
      case UsageException u -> {
        print(err, u.getMessage(), u.hint());
        yield ExitCode.USAGE;
      }
      case CommandFailedException f -> {
        print(err, f.getMessage(), f.hint());
        yield f.exitCode();
      }
      case BacalhauException b -> {
        print(err, b.getMessage(), b.hint());
        if (debug) {
          printDetails(err, b.details());
          ex.printStackTrace(err);
        }
        // Mistakes in what was typed (an unknown config key, a bad value) are usage errors.
        yield b.details().containsKey(ConfigProblems.USAGE) ? ExitCode.USAGE : ExitCode.ERROR;
      }
      default -> {
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getName();
        print(err, message, debug ? null : "Run again with --debug to see the stack trace.");
        if (debug) {
          ex.printStackTrace(err);
        }
        yield ExitCode.ERROR;
      }
    };
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintStream err = session.err();
    err.println(paint("Error: ", "red") + ex.getMessage());
    if (ex instanceof UnmatchedArgumentException unmatched) {
      var suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        err.println("Did you mean: " + String.join(", ", suggestions) + "?");
      }
    }
    err.println(
        paint("Hint: ", "green")
            + "Run '"
            + cmd.getCommandSpec().qualifiedName()
            + " --help' for usage.");
    return ExitCode.USAGE;
  }

  private void print(PrintStream err, String message, String hint) {
    err.println(paint("Error: ", "red") + message);
    if (hint != null && !hint.isBlank()) {
      err.println(paint("Hint: ", "green") + hint);
    }
  }

  private static void printDetails(PrintStream err, Map<String, String> details) {
    if (!details.isEmpty()) {
      err.println("Details:");
      details.forEach((k, v) -> err.println("  " + k + ": " + v));
    }
  }

  private String paint(String text, String colour) {
    if (!session.context().colour()) {
      return text;
    }
    return CommandLine.Help.Ansi.ON.string("@|bold," + colour + " " + text.strip() + "|@ ");
  }
}
