package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.models.Job;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau job versions ID}: every version a job has had. */
@Command(
    name = "versions",
    mixinStandardHelpOptions = true,
    description = "List the versions of a job.")
public final class JobVersionsCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private JobArgument target;

  @Mixin private TableOptions table;

  JobVersionsCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Job job = target.find(session.node());
    List<Job> versions = session.node().versions(job.id());
    Table t = new Table(Column.of("Created At"), Column.of("Job Version"));
    versions.forEach(v -> t.row(TimeText.dateTime(v.modifyTime()), v.version()));
    TableOutput.print(session, table, t, versions);
    return ExitCode.OK;
  }
}
