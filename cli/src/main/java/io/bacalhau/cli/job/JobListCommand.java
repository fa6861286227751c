package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.OutputFormat;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.cli.run.SelectorFlag;
import io.bacalhau.client.StartupTrace;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job list}: jobs of every namespace, oldest first, a page at a time. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs.")
public final class JobListCommand implements Callable<Integer> {
  static final String DEFAULT_LABELS = "bacalhau_canary != true";

  private final CliSession session;

  @Option(
      names = "--labels",
      defaultValue = DEFAULT_LABELS,
      paramLabel = "<selector>",
      description =
          "Only jobs whose labels match this selector: env=prod, tier!=db, zone in (a,b),"
              + " zone notin (a,b), key, !key, cores gt 4, cores lt 9; a comma means AND"
              + " (default '${DEFAULT-VALUE}').")
  private String labels;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many jobs to show; 0 for all (default ${DEFAULT-VALUE}).")
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

  @Mixin private TableOptions table;

  JobListCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ListOptions.checkLimit(limit);
    ListOptions.checkOrderBy(orderBy, List.of("created_at", "modified_at"));
    var selector = SelectorFlag.parse("--labels", labels);
    int offset = nextToken == null ? 0 : (int) PageToken.position(nextToken, "job list");
    List<Job> page =
        session
            .node()
            .list(
                new JobQuery("", selector, orderBy, reversed, limit == 0 ? 0 : limit + 1, offset));
    StartupTrace.mark("jobs read");
    boolean more = limit > 0 && page.size() > limit;
    List<Job> shown = more ? page.subList(0, limit) : page;
    Table t =
        new Table(
            Column.of("Created", 8),
            Column.of("ID"),
            Column.of("Name", 40),
            Column.of("Job"),
            Column.of("Type"),
            Column.of("State"));
    for (Job job : shown) {
      t.row(
          TimeText.clock(job.createTime(), table.wide()),
          Ids.shortId(job.id()),
          job.name(),
          job.task() == null ? "" : job.task().engine().type(),
          job.type(),
          job.stateType().label());
    }
    TableOutput.print(session, table, t, shown);
    StartupTrace.mark("table printed");
    if (more && table.output() == OutputFormat.TABLE) {
      session.out().println();
      session.out().println("To fetch more records use:");
      session
          .out()
          .println(
              "\tbacalhau job list --limit "
                  + limit
                  + (labels.equals(DEFAULT_LABELS) ? "" : " --labels '" + labels + "'")
                  + " --next-token "
                  + PageToken.encode(orderBy, reversed, limit, offset + limit));
    }
    return ExitCode.OK;
  }
}
