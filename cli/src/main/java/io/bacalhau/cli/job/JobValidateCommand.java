package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.jobspec.JobSpecParser;
import io.bacalhau.core.jobspec.SpecCheck;
import io.bacalhau.core.jobspec.SpecProblem;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalhau job validate FILE|-}: the checks {@code job run} makes before submitting (parse,
 * normalize, submission rules), without a node. Warnings name what a submission would ignore.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a job spec (YAML or JSON) without submitting it.",
      "Prints OK, or every problem with the path of its field, and exits 1."
    })
public final class JobValidateCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The spec file, or - for stdin.")
  private String file;

  JobValidateCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    SpecSource.Content content = SpecSource.read(session, file, ExitCode.ERROR);
    SpecCheck check = SpecCheck.of(JobSpecParser.read(content.name(), content.bytes()));
    List<SpecProblem> problems = check.problems();
    PrintStream err = session.err();
    check.warnings().forEach(w -> err.println("Warning: " + w));
    if (problems.isEmpty()) {
      session.out().println("OK");
      return ExitCode.OK;
    }
    throw SpecProblemsReport.failure(ExitCode.ERROR, "the job spec in " + content.name(), problems);
  }
}
