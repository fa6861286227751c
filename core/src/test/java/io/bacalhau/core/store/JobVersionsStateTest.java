package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state change writes the jobs row alone; {@code job versions} and {@code job describe --version}
 * still show each version in the state it is in (the current one) or ended in.
 */
class JobVersionsStateTest {
  @TempDir Path dir;

  @Test
  void eachVersionShowsTheStateItIsInOrEndedIn() {
    Job v1 =
        EmbeddedNodeTestSupport.noopJob("versions", Map.of()).toBuilder()
            .id("j-1")
            .version(1)
            .build();
    Job v2 = v1.toBuilder().version(2).state(State.of(JobStateType.PENDING)).build();
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      store.writeVoid(tx -> tx.putJob(v1, "me"));
      store.writeVoid(tx -> tx.updateJob(withState(v1, JobStateType.COMPLETED)));
      assertEquals(List.of(JobStateType.COMPLETED), states(store));

      store.writeVoid(tx -> tx.putJob(v2, "me"));
      store.writeVoid(tx -> tx.updateJob(withState(v2, JobStateType.RUNNING)));
      assertEquals(List.of(JobStateType.COMPLETED, JobStateType.RUNNING), states(store));
      assertEquals(
          JobStateType.COMPLETED,
          store.read(r -> r.jobVersion("j-1", 1)).orElseThrow().stateType());
      assertEquals(
          JobStateType.RUNNING, store.read(r -> r.jobVersion("j-1", 2)).orElseThrow().stateType());
    }
  }

  private static Job withState(Job job, JobStateType state) {
    return job.toBuilder().state(State.of(state)).build();
  }

  private static List<JobStateType> states(JobStore store) {
    return store.read(r -> r.versions("j-1")).stream().map(Job::stateType).toList();
  }
}
