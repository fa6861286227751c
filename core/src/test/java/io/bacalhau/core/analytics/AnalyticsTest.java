package io.bacalhau.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.identity.Hashing;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnalyticsTest {
  private final List<AnalyticsEvent> seen = new ArrayList<>();
  private final AtomicInteger created = new AtomicInteger();

  private ProviderRegistry registryWithSink() {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(
        ProviderKind.ANALYTICS,
        "recording",
        "test",
        Installation.ok(),
        () -> {
          created.incrementAndGet();
          return (AnalyticsSink) seen::add;
        });
    return registry;
  }

  @Test
  void disabledCreatesNoSinkAndBuildsNoEvent() {
    Analytics analytics = Analytics.start(true, registryWithSink());

    analytics.submitted(job(JobStateType.PENDING), List.of());
    analytics.jobChanged(job(JobStateType.RUNNING), job(JobStateType.COMPLETED));

    assertFalse(analytics.enabled());
    assertEquals(0, created.get());
    assertEquals(List.of(), seen);
  }

  @Test
  void aJobCountsAsTerminalOnceWhenItGetsThere() {
    Analytics analytics = Analytics.start(false, registryWithSink());

    analytics.jobChanged(job(JobStateType.PENDING), job(JobStateType.RUNNING));
    analytics.jobChanged(job(JobStateType.RUNNING), job(JobStateType.COMPLETED));
    analytics.jobChanged(job(JobStateType.COMPLETED), job(JobStateType.COMPLETED));

    assertEquals(List.of(EventTypes.JOB_TERMINAL), types());
    assertEquals("Completed", seen.get(0).properties().get("state"));
  }

  @Test
  void executionsCountOnCreateOnNewMessageAndOnceAtTheirEnd() {
    Analytics analytics = Analytics.start(false, registryWithSink());
    Job job = job(JobStateType.RUNNING);
    Execution fresh = execution(State.of(ExecutionStateType.ASK_FOR_BID));
    Execution running = execution(State.of(ExecutionStateType.RUNNING));
    Execution failed = execution(State.of(ExecutionStateType.FAILED, "no such file /data/x"));

    analytics.executionChanged(null, fresh, () -> job);
    analytics.executionChanged(fresh, running, () -> job);
    analytics.executionChanged(running, failed, () -> job);
    analytics.executionChanged(failed, failed, () -> job);

    assertEquals(
        List.of(
            EventTypes.EXECUTION_CREATE,
            EventTypes.EXECUTION_COMPUTE_MESSAGE,
            EventTypes.EXECUTION_TERMINAL),
        types());
    assertEquals(
        Hashing.sha256("no such file /data/x"), seen.get(1).properties().get("compute_message"));
  }

  @Test
  void aRefusedSubmissionSharesTheErrorCodeNotTheMessage() {
    Analytics analytics = Analytics.start(false, registryWithSink());

    analytics.submitFailed(
        job(JobStateType.UNDEFINED),
        io.bacalhau.core.errors.BacalhauException.of(
            io.bacalhau.core.errors.ErrorCode.VALIDATION_ERROR, "bad image secret/thing"));

    assertEquals(
        io.bacalhau.core.errors.ErrorCode.VALIDATION_ERROR.code(),
        seen.get(0).properties().get("error"));
  }

  @Test
  void aThrowingSinkNeverReachesTheCaller() {
    ProviderRegistry registry = new ProviderRegistry();
    registry.register(
        ProviderKind.ANALYTICS,
        "broken",
        "test",
        Installation.ok(),
        () ->
            (AnalyticsSink)
                e -> {
                  throw new IllegalStateException("collector exploded");
                });
    Analytics analytics = Analytics.start(false, registry);

    analytics.submitted(job(JobStateType.PENDING), List.of());
    analytics.close();

    assertTrue(analytics.enabled());
  }

  private List<String> types() {
    return seen.stream().map(AnalyticsEvent::type).toList();
  }

  private static Job job(JobStateType state) {
    return EmbeddedNodeTestSupport.noopJob("j", Map.of()).toBuilder()
        .id("j-1")
        .namespace("default")
        .state(State.of(state))
        .build();
  }

  private static Execution execution(State<ExecutionStateType> state) {
    return Execution.builder()
        .id("e-1")
        .namespace("default")
        .evalId("ev-1")
        .nodeId("n-1")
        .jobId("j-1")
        .jobVersion(1)
        .allocatedResources(AllocatedResources.of("main", new Resources(1, 2, 3, 0)))
        .computeState(state)
        .revision(1)
        .createTime(1)
        .modifyTime(1)
        .build();
  }
}
