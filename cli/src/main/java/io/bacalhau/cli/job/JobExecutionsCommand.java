package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job executions ID}: the attempts to run a job. */
@Command(name = "executions", description = "List a job's executions.")
public final class JobExecutionsCommand implements Callable<Integer> {
  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      description = "Job version (default: latest).")
  private long version;

  @Option(names = "--all-versions", description = "Executions of every version.")
  private boolean allVersions;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "How many to show (default ${DEFAULT-VALUE}).")
  private int limit;

  @Mixin private JobArgument target;

  @Mixin private TableOptions table;

  JobExecutionsCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Job job = target.find(session.node());
    long wanted = allVersions ? 0 : version > 0 ? version : job.version();
    List<Execution> executions =
        session.node().executions(job.id(), wanted).stream().limit(limit).toList();
    Table t =
        new Table(
            Column.of("Created", 8),
            Column.of("Modified", 8),
            Column.of("ID"),
            Column.of("Job Version"),
            Column.of("Node ID"),
            Column.of("Rev."),
            Column.of("State"),
            Column.of("Desired"),
            Column.of("Exit Code"));
    for (Execution e : executions) {
      t.row(
          TimeText.clock(e.createTime(), table.wide()),
          TimeText.clock(e.modifyTime(), table.wide()),
          Ids.shortId(e.id()),
          e.jobVersion(),
          Ids.shortId(e.nodeId()),
          e.revision(),
          e.computeStateType().label(),
          e.desiredStateType().label(),
          TaskExitCode.of(e));
    }
    TableOutput.print(session, table, t, executions);
    return ExitCode.OK;
  }
}
