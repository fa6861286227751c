package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.EventText;
import io.bacalhau.cli.render.OutputFormat;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.PagingToken;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job history ID}: the job's event timeline. */
@Command(name = "history", description = "List a job's events in order.")
public final class JobHistoryCommand implements Callable<Integer> {
  private static final List<String> EVENT_TYPES = List.of("all", "job", "execution");

  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = "--event-type",
      completionCandidates = ListCompletions.EventTypes.class,
      defaultValue = "all",
      paramLabel = "<type>",
      description =
          "all, job (the job's own events) or execution (its executions') (default"
              + " ${DEFAULT-VALUE}).")
  private String eventType;

  @Option(
      names = "--execution-id",
      defaultValue = "",
      paramLabel = "<id>",
      description = "Only events of executions whose ID starts with this.")
  private String executionId;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      paramLabel = "<n>",
      description = "Events of this job version (default: the latest).")
  private long version;

  @Option(names = "--all-versions", description = "Events of every version.")
  private boolean allVersions;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "How many events to show; 0 for all (default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--next-token",
      paramLabel = "<token>",
      description = "Show the page after the one that printed this token.")
  private String nextToken;

  @Option(
      names = "--order-by",
      completionCandidates = ListCompletions.Time.class,
      defaultValue = "time",
      paramLabel = "<field>",
      description =
          "time: the order the events were recorded in, the only one history has (default"
              + " ${DEFAULT-VALUE}).")
  private String orderBy;

  @Option(names = "--order-reversed", description = "Newest first.")
  private boolean reversed;

  @Mixin private JobArgument target;

  @Mixin private TableOptions table;

  JobHistoryCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (!EVENT_TYPES.contains(eventType)) {
      throw new UsageException(
          "invalid --event-type '" + eventType + "'", "Use all, job or execution.");
    }
    if (version < 0) {
      throw new UsageException(
          "invalid --version " + version, "Use a job version of 1 or more (see job versions).");
    }
    ListOptions.checkLimit(limit);
    ListOptions.checkOrderBy(orderBy, List.of("time"));
    long after = nextToken == null ? 0 : PageToken.decode(nextToken, "job history").afterSeq();
    Job job = target.find(session.node());
    HistoryQuery query =
        new HistoryQuery(
            version,
            allVersions,
            eventType,
            executionId,
            after,
            limit == 0 ? 0 : limit + 1,
            reversed);
    List<JobHistory> page = session.node().history(job.id(), query);
    boolean more = limit > 0 && page.size() > limit;
    List<JobHistory> history = more ? page.subList(0, limit) : page;
    Table t =
        new Table(
            Column.of("Time", 20),
            Column.of("Level"),
            Column.of("Job Version"),
            Column.of("Exec. ID", 10),
            Column.of("Topic", 15),
            Column.of("Event", 90));
    for (JobHistory h : history) {
      t.row(
          TimeText.dateTime(h.occurred()),
          h.type().label(),
          h.jobVersion(),
          Ids.shortId(h.executionId()),
          h.event().topic(),
          EventText.of(h.event()));
    }
    TableOutput.print(session, table, t, history);
    if (more && table.output() == OutputFormat.TABLE) {
      session.out().println();
      session.out().println("To fetch more records use:");
      session
          .out()
          .println(
              "\tbacalhau job history "
                  + target.id
                  + " --limit "
                  + limit
                  + (reversed ? " --order-reversed" : "")
                  + " --next-token "
                  + PagingToken.afterSeq(history.getLast().seqNum(), limit, reversed));
    }
    return ExitCode.OK;
  }
}
