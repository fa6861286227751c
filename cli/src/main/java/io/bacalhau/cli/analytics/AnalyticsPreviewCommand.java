package io.bacalhau.cli.analytics;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.analytics.JobRecords;
import io.bacalhau.core.identity.NodeIdentity;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalhau analytics preview JOB_ID}: the records that are (or would be) sent about a job,
 * as JSON, exactly as the collector receives them: resource attributes, then one record per event.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = "Print, as JSON, the anonymous usage records shared about a job.")
public final class AnalyticsPreviewCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job's ID (or name).")
  private String id;

  @Option(
      names = "--namespace",
      defaultValue = "default",
      description = "Namespace the job name is looked up in (default: ${DEFAULT-VALUE}).")
  private String namespace;

  AnalyticsPreviewCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Job job = session.node().job(id, namespace);
    List<AnalyticsEvent> events =
        JobRecords.of(job, session.node().executions(job.id(), job.version()));
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("enabled", !session.config().bool("DisableAnalytics"));
    shown.put(
        "resource", NodeIdentity.peek(session.dataDir(), session.context().env()).attributes());
    shown.put("records", events.stream().map(AnalyticsPreviewCommand::record).toList());
    if (session.config().bool("DisableAnalytics")) {
      session.err().println("Analytics is off (DisableAnalytics is true): none of this is sent.");
    }
    Serializer.print(session.out(), shown, DataOptions.DataFormat.JSON, true);
    return ExitCode.OK;
  }

  /** One log record: its event name and its body, keys sorted so the output reads the same. */
  private static Map<String, Object> record(AnalyticsEvent event) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("event_name", event.type());
    record.put("body", new TreeMap<>(event.properties()));
    return record;
  }
}
