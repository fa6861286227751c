package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job list}: jobs of every namespace, oldest first, a page at a time. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List jobs.")
public final class JobListCommand implements Callable<Integer> {
  private final CliSession session;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "How many jobs to show (default ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--next-token",
      paramLabel = "<token>",
      description = "Show the page after the one that printed this token.")
  private String nextToken;

  @Option(
      names = "--order-by",
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
    if (!orderBy.equals("created_at") && !orderBy.equals("modified_at")) {
      throw new UsageException(
          "invalid --order-by '" + orderBy + "'", "Use created_at or modified_at.");
    }
    int offset = nextToken == null ? 0 : decode(nextToken);
    List<Job> page = session.node().list(new JobQuery("", orderBy, reversed, limit + 1, offset));
    boolean more = page.size() > limit;
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
    if (more && table.output() == io.bacalhau.cli.render.OutputFormat.TABLE) {
      session.out().println();
      session.out().println("To fetch more records use:");
      session
          .out()
          .println(
              "\tbacalhau job list --limit " + limit + " --next-token " + encode(offset + limit));
    }
    return ExitCode.OK;
  }

  private String encode(int offset) {
    String raw = orderBy + ":" + (reversed ? "Y" : "N") + ":" + limit + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      return Integer.parseInt(parts[3]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new UsageException(
          "invalid --next-token '" + token + "'", "Copy the token exactly as job list printed it.");
    }
  }
}
