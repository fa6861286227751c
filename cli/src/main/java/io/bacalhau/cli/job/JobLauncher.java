package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.jobspec.JobNormalizer;
import io.bacalhau.core.jobspec.JobValidator;
import io.bacalhau.core.jobspec.SpecProblem;
import io.bacalhau.core.models.Job;
import java.io.PrintStream;
import java.util.List;

/**
 * Submits a job and, unless told not to, waits for it while showing progress: the shared ending of
 * {@code job run}, {@code docker run} and {@code wasm run}. Exit codes tell CI what happened.
 */
public final class JobLauncher {
  private final CliSession session;

  public JobLauncher(CliSession session) {
    this.session = session;
  }

  public int launch(Job spec, RuntimeOptions options) {
    List<SpecProblem> problems = JobValidator.validateSubmission(JobNormalizer.normalize(spec));
    if (!problems.isEmpty()) {
      SpecProblemsReport.print(session.err(), "the job spec", problems);
      return ExitCode.JOB_REJECTED;
    }
    return launchChecked(spec, options);
  }

  /** Submits a spec that has passed the submission checks already ({@code job run}'s SpecCheck). */
  int launchChecked(Job spec, RuntimeOptions options) {
    options.checked();
    PrintStream err = session.err();
    if (options.dryRun) {
      Serializer.print(
          session.out(),
          spec,
          options.output == null ? DataOptions.DataFormat.YAML : options.output,
          true);
      return ExitCode.OK;
    }
    NodeClient client = session.node();
    SubmitResult result;
    try {
      result = client.submit(spec, options.force);
    } catch (BacalhauException e) {
      err.println("Error: " + e.getMessage());
      if (e.hint() != null) {
        err.println("Hint: " + e.hint());
      }
      return ExitCode.JOB_REJECTED;
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
