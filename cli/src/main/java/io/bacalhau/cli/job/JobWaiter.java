package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Waits for a submitted job to end, printing its progress (or its output with --follow). */
final class JobWaiter {
  private static final Duration TICK = Duration.ofMillis(250);

  private final CliSession session;
  private final NodeClient client;
  private final RuntimeOptions options;

  JobWaiter(CliSession session, NodeClient client, RuntimeOptions options) {
    this.session = session;
    this.client = client;
    this.options = options;
  }

  int await(SubmitResult submitted) {
    PrintStream err = session.err();
    boolean quiet = options.idOnly;
    if (!quiet) {
      err.println("Job successfully submitted. Job ID: " + submitted.jobId());
      err.println(
          options.follow
              ? "Waiting for logs... (Enter Ctrl+C to exit at any time, your job will continue running):"
              : "Checking job status... (Enter Ctrl+C to exit at any time, your job will continue running):");
      err.println();
    }
    String canceled = canceledNotice(submitted.jobId());
    session.onInterrupt(canceled);
    ProgressPrinter printer = new ProgressPrinter(err, options.groupEvents);
    long deadline = System.nanoTime() + Duration.ofSeconds(options.waitTimeoutSecs).toNanos();
    long seq = 0;
    String followed = null;
    // 0 when the node did not say (Bacalhau's answers do not): the version first read, then.
    long version = submitted.jobVersion();
    try {
      while (true) {
        Job job = client.job(submitted.jobId(), "");
        if (version == 0) {
          version = job.version();
        }
        List<JobHistory> fresh =
            client.history(job.id(), new HistoryQuery(version, false, "all", "", seq));
        for (JobHistory h : fresh) {
          seq = h.seqNum();
          if (!quiet && !options.follow) {
            printer.print(h);
          }
        }
        if (options.follow && followed == null) {
          followed = firstRunning(job, version);
          if (followed != null) {
            client.logs(job.id(), followed, true, session.out(), err);
            continue;
          }
        }
        if (job.stateType().isTerminal()) {
          return finish(job, quiet);
        }
        if (System.nanoTime() > deadline) {
          err.println(
              "Warning: stopped waiting after "
                  + options.waitTimeoutSecs
                  + "s (--wait-timeout-secs). The job is still running.");
          return ExitCode.WAIT_TIMEOUT;
        }
        client.awaitChange(submitted.jobId(), TICK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(canceled);
      return ExitCode.WAIT_TIMEOUT;
    } finally {
      session.onInterrupt(null);
    }
  }

  /** The one line said when the wait is cut short (Ctrl-C, a signal): the job goes on. */
  static String canceledNotice(String jobId) {
    return "Warning: Progress tracking canceled. The job is still running. Follow it with"
        + " 'bacalhau job logs --follow "
        + jobId
        + "', check it with 'bacalhau job describe "
        + jobId
        + "'.";
  }

  private String firstRunning(Job job, long version) {
    return client.executions(job.id(), version).stream()
        .filter(e -> e.computeStateType().isExecuting() || e.computeStateType().isTerminal())
        .filter(e -> !e.computeStateType().isDiscarded())
        .map(Execution::id)
        .findFirst()
        .orElse(null);
  }

  private int finish(Job job, boolean quiet) {
    PrintStream err = session.err();
    String id = job.id();
    if (options.nodeDetails) {
      NodeDetails.print(session.out(), client.executions(id, job.version()));
    }
    if (options.output != null) {
      Serializer.print(
          session.out(),
          DescribedJob.of(client.describe(id, "", job.version())),
          options.output,
          true);
    }
    if (!quiet) {
      err.println();
      err.println("To get more details about the run, execute:");
      err.println("\tbacalhau job describe " + id);
      err.println();
      err.println("To get more details about the run executions, execute:");
      err.println("\tbacalhau job executions " + id);
      if (!job.task().publisher().isEmpty()) {
        err.println();
        err.println("To download the results, execute:");
        err.println("\tbacalhau job get " + id);
      }
    }
    return switch (job.stateType()) {
      case COMPLETED -> {
        failedTask(job)
            .ifPresent(
                e -> {
                  throw new CommandFailedException(
                      ExitCode.TASK_FAILED,
                      "the job completed, but the task of execution "
                          + Ids.shortId(e.id())
                          + " exited with code "
                          + e.runOutput().exitCode(),
                      "See what it printed with 'bacalhau job logs " + Ids.shortId(id) + "'.");
                });
        yield ExitCode.OK;
      }
      case STOPPED ->
          throw new CommandFailedException(
              ExitCode.JOB_FAILED, "job stopped" + suffix(job.state().message()), null);
      default ->
          throw new CommandFailedException(
              ExitCode.JOB_FAILED, "job failed" + suffix(job.state().message()), null);
    };
  }

  /** A completed execution of the job's version whose task exited non-zero, if any. */
  private Optional<Execution> failedTask(Job job) {
    return client.executions(job.id(), job.version()).stream()
        .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
        .filter(e -> e.runOutput() != null && e.runOutput().exitCode() != 0)
        .findFirst();
  }

  private static String suffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + message;
  }
}
