package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.SpecCheck;
import io.bacalhau.core.models.Job;
import java.io.PrintStream;

/**
 * Submits a job and, unless told not to, waits for it while showing progress: the shared ending of
 * {@code job run}, {@code docker run} and {@code wasm run}. Exit codes tell CI what happened.
 */
public final class JobLauncher {
  private final CliSession session;

  public JobLauncher(CliSession session) {
    this.session = session;
  }

  /** Submits a job built from flags ({@code docker run}, {@code wasm run}). */
  public int launch(Job spec, RuntimeOptions options) {
    return launch(spec, options, "the job spec");
  }

  /**
   * Submits the spec as it is: the node normalizes, validates and refuses it with every problem.
   *
   * @param what how errors name the spec: "the job spec in FILE" or "the job spec"
   */
  int launch(Job spec, RuntimeOptions options, String what) {
    return launch(spec, options, what, false);
  }

  /**
   * @param diffWithStored with {@code --dry-run}, show how a named job differs from its stored
   *     version ({@code job run})
   */
  int launch(Job spec, RuntimeOptions options, String what, boolean diffWithStored) {
    options.checked();
    if (options.dryRun) {
      // Nothing is submitted, so nothing else would check it.
      SpecCheck check = SpecCheck.of(spec);
      if (!check.ok()) {
        throw SpecProblemsReport.failure(ExitCode.JOB_REJECTED, what, check.problems());
      }
      new DryRun(session).print(spec, options.output, diffWithStored);
      return ExitCode.OK;
    }
    PrintStream err = session.err();
    NodeClient client = session.node();
    SubmitResult result;
    try {
      result = client.submit(spec, options.force);
    } catch (InvalidSpecException e) {
      throw SpecProblemsReport.failure(ExitCode.JOB_REJECTED, what, e.problems());
    } catch (BacalhauException e) {
      throw new CommandFailedException(ExitCode.JOB_REJECTED, e.getMessage(), e.hint());
    }
    if (options.showsWarnings()) {
      result.warnings().forEach(w -> err.println("Warning: " + w));
    }
    if (options.idOnly || !options.wait) {
      session.out().println(result.jobId());
    }
    if (!options.wait) {
      return ExitCode.OK;
    }
    return new JobWaiter(session, client, options).await(result);
  }
}
