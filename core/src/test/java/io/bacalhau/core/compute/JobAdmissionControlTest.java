package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code JobAdmissionControl} through a whole node: the keys existed and nothing read them, so a
 * node configured to refuse jobs ran them all. A refused job now fails with the node's reason in
 * its state message (what {@code job describe} shows) and a "Bid rejected" event in its history.
 */
class JobAdmissionControlTest {
  private static final AdmissionControl.Locality ANYWHERE = AdmissionControl.Locality.ANYWHERE;

  @TempDir Path dataDir;

  @Test
  void rejectStatelessJobsRefusesAJobWithoutInputsAndSaysWhy() throws Exception {
    Outcome refused =
        run(
            new AdmissionControl(ANYWHERE, true, false, "", ""),
            EmbeddedNodeTestSupport.noopJob("stateless", Map.of()));
    refused.assertRefused("this node does not accept stateless jobs");

    Outcome ran =
        run(
            new AdmissionControl(ANYWHERE, true, false, "", ""),
            withInput(EmbeddedNodeTestSupport.noopJob("stateful", Map.of()), inline()));
    ran.assertCompleted();
  }

  @Test
  void rejectNetworkedJobsRefusesHostNetworkButNotNone() throws Exception {
    AdmissionControl control = new AdmissionControl(ANYWHERE, false, true, "", "");
    run(control, withNetwork(EmbeddedNodeTestSupport.noopJob("host", Map.of()), "Host"))
        .assertRefused("this node does not run jobs that require network access");
    run(control, withNetwork(EmbeddedNodeTestSupport.noopJob("none", Map.of()), "None"))
        .assertCompleted();
  }

  @Test
  void localLocalityRefusesInputsThatMustBeDownloaded() throws Exception {
    AdmissionControl control =
        new AdmissionControl(AdmissionControl.Locality.LOCAL, false, false, "", "");
    // Refused before anything is fetched: the URL is never asked.
    SpecConfig url = SpecConfig.of("urlDownload", Map.of("URL", "http://127.0.0.1:9/data.csv"));
    run(control, withInput(EmbeddedNodeTestSupport.noopJob("remote", Map.of()), url))
        .assertRefused("this node does not have all input data locally (1 inputs require");
    run(control, withInput(EmbeddedNodeTestSupport.noopJob("inline", Map.of()), inline()))
        .assertCompleted();
  }

  @Test
  void probeExecDecidesTheBidAndItsStderrIsTheReason() throws Exception {
    run(
            new AdmissionControl(
                ANYWHERE, false, false, "", "echo 'GPU queue is full' >&2; exit 3"),
            EmbeddedNodeTestSupport.noopJob("probed", Map.of()))
        .assertRefused("this node does not accept this job: GPU queue is full");
    run(
            new AdmissionControl(ANYWHERE, false, false, "", "grep -q '\"Name\":\"probed-ok\"'"),
            EmbeddedNodeTestSupport.noopJob("probed-ok", Map.of()))
        .assertCompleted();
  }

  private static SpecConfig inline() {
    return SpecConfig.of("inline", Map.of("URL", "data:,hello"));
  }

  private static Job withInput(Job job, SpecConfig source) {
    return job.toBuilder()
        .task(
            job.task().toBuilder()
                .inputSources(List.of(new InputSource(source, "", "/inputs/data")))
                .build())
        .build();
  }

  private static Job withNetwork(Job job, String type) {
    return job.toBuilder()
        .task(job.task().toBuilder().network(new NetworkConfig(type, List.of(), List.of())).build())
        .build();
  }

  private record Outcome(Job job, String history) {
    void assertRefused(String reason) {
      assertEquals(JobStateType.FAILED, job.stateType(), history);
      assertTrue(history.contains("Bid rejected: " + reason), history);
      assertTrue(job.state().message().contains(reason), job.state().message());
    }

    void assertCompleted() {
      assertEquals(JobStateType.COMPLETED, job.stateType(), history);
    }
  }

  private Outcome run(AdmissionControl control, Job job) throws Exception {
    Path dir = dataDir.resolve(job.name());
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dir);
    NodeOptions options =
        EmbeddedNodeTestSupport.options(dir, new SchedulerSettings(2, Duration.ofMillis(200)))
            .withAdmission(control);
    try (EmbeddedNodeClient client =
        new EmbeddedNodeClient(
            NodeSetup.builtinOnly(dir).withOptions(withPath(options)), () -> registry, () -> {})) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      String history =
          client.history(id, HistoryQuery.everything()).stream()
              .map(JobHistory::event)
              .map(e -> e.message())
              .collect(Collectors.joining("\n"));
      return new Outcome(ended, history);
    }
  }

  /** The probe finds bash and grep on the PATH of the node, as an operator's would. */
  private static NodeOptions withPath(NodeOptions o) {
    return new NodeOptions(
        o.dataDir(),
        o.labels(),
        o.capacity(),
        o.envAllowList(),
        Map.of("PATH", System.getenv("PATH")),
        o.jobDefaults(),
        o.scheduler(),
        o.admission());
  }
}
