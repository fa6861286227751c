package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.GoDuration;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.archive.SafePaths;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bacalhau job get ID}: downloads what a job's executions published and merges it into one
 * folder ({@code ./job-<id>} by default).
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Download the results of a job.",
      "Several executions are merged: stdout, stderr and exitCode are appended, any other clash"
          + " is an error (use --raw to keep them apart)."
    })
public final class JobGetCommand implements Callable<Integer> {
  private final CliSession session;

  @Option(
      names = "--output-dir",
      paramLabel = "<dir>",
      description = "Where to write the results (default ./job-<id>).")
  private String outputDir;

  @Option(names = "--raw", description = "Keep the downloads as they are, without merging.")
  private boolean raw;

  @Option(
      names = "--download-timeout-secs",
      paramLabel = "<duration>",
      defaultValue = "5m",
      description = "How long a download may stall, e.g. 300s or 5m (default ${DEFAULT-VALUE}).")
  private String downloadTimeout;

  @Mixin private JobArgument target;

  JobGetCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    Duration stallTimeout;
    try {
      stallTimeout = GoDuration.parse(downloadTimeout); // bad or too long: a usage error, at once
    } catch (IllegalArgumentException e) {
      throw new UsageException("--download-timeout-secs: " + e.getMessage(), null);
    }
    PrintStream err = session.err();
    err.println("Fetching results of job '" + target.id + "'...");
    Job job = target.find(session.node());
    List<SpecConfig> results = session.node().results(job.id(), target.namespace);
    if (results.isEmpty()) {
      PrintStream out = session.out();
      out.println("No results found");
      out.println("You can check the logged output of the job using the logs command.");
      out.println();
      out.println("  bacalhau job logs " + target.id);
      return ExitCode.OK;
    }
    Path out = session.context().resolve(outputDir != null ? outputDir : defaultDir(job));
    session.node().download(results, out, raw, stallTimeout);
    session.out().println("Results for job '" + target.id + "' have been written to...");
    session.out().println(out);
    return ExitCode.OK;
  }

  /**
   * {@code job-<what was typed>}, or {@code job-<ID>} when that is not one plain folder name (a
   * name with a '/' must not pick a folder elsewhere); an error when neither is.
   */
  private String defaultDir(Job job) {
    String prefix = "default".equals(target.namespace) ? "job-" : "job-" + target.namespace + "-";
    for (String name : List.of(prefix + target.id, prefix + job.id())) {
      if (SafePaths.componentProblem(name).isEmpty()) {
        return name;
      }
    }
    throw BacalhauException.builder(
            ErrorCode.BAD_REQUEST,
            "the job's ID and namespace do not make a folder name for its results")
        .component("CLI")
        .hint("Choose the folder with --output-dir.")
        .build();
  }
}
