package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.OutputFormat;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Ids;
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
      description = "How many to show; 0 for all (default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--next-token",
      paramLabel = "<token>",
      description = "Show the page after the one that printed this token.")
  private String nextToken;

  @Option(
      names = "--order-by",
      completionCandidates = ListCompletions.CreatedOrModified.class,
      defaultValue = "created_at",
      paramLabel = "<field>",
      description = "created_at or modified_at (default ${DEFAULT-VALUE}).")
  private String orderBy;

  @Option(names = "--order-reversed", description = "Newest first.")
  private boolean reversed;

  @Mixin private JobArgument target;

  @Mixin private TableOptions table;

  JobExecutionsCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ExecutionPage page = ExecutionPage.read(session, target, query());
    List<Execution> executions = page.executions();
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
    if (page.more() && table.output() == OutputFormat.TABLE) {
      page.printNext(session.out(), target.id, orderBy, reversed, limit);
    }
    return ExitCode.OK;
  }

  private ExecutionQuery query() {
    ListOptions.checkLimit(limit);
    ListOptions.checkOrderBy(orderBy, ExecutionQuery.ORDERS);
    if (version < 0) {
      throw new UsageException(
          "invalid --version " + version, "Use a job version of 1 or more (see job versions).");
    }
    int offset = nextToken == null ? 0 : (int) PageToken.position(nextToken, "job executions");
    return new ExecutionQuery(version, allVersions, orderBy, reversed, limit, offset);
  }
}
