package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each message the orchestrator sends goes to the node its execution is placed on. */
class RoutingTest {
  private static final Instant NOW = Scheduling.CREATED.plusSeconds(10);
  @TempDir Path dir;

  /** A node's end of the wire that only writes down what it got. */
  static final class Inbox implements ComputeChannel {
    final List<String> got = new ArrayList<>();

    @Override
    public void askForBid(Job job, Execution execution) {
      got.add("askForBid " + execution.id());
    }

    @Override
    public void bidAccepted(Job job, Execution execution) {
      got.add("bidAccepted " + execution.id());
    }

    @Override
    public void bidRejected(String executionId, String reason) {
      got.add("bidRejected " + executionId + " (" + reason + ")");
    }

    @Override
    public void cancel(String executionId, String reason) {
      got.add("cancel " + executionId);
    }
  }

  @Test
  void aBidThatLostIsRejectedOnItsOwnNodeWhileTheWinnerStartsOnItsOwn() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    Execution older =
        s.execution(
            "n-1", 0, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    Execution younger =
        s.execution(
            "n-2", 0, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    PlanApplier.Dispatch dispatch;
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      dispatch =
          store.write(
              tx -> {
                tx.putJob(s.job, "p-test");
                tx.putExecution(older);
                tx.putExecution(younger);
                return PlanApplier.apply(tx, s.schedule(NOW), NOW);
              });
    }
    Inbox n1 = new Inbox();
    Inbox n2 = new Inbox();
    Inbox elsewhere = new Inbox();
    dispatch.send(
        ComputeRouter.only("n-1", n1)
            .orElse(ComputeRouter.only("n-2", n2))
            .orElse(ComputeRouter.everyNode(elsewhere)));
    assertEquals(List.of("bidAccepted " + older.id()), n1.got);
    assertEquals(List.of("bidRejected " + younger.id() + " (bid rejected)"), n2.got);
    assertEquals(List.of(), elsewhere.got);
  }
}
