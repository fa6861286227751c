package io.bacalhau.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A `job run` against a node over HTTP looked at its job every quarter second, so a job over in 20
 * ms was reported a quarter second late; the waits now start short and double to the steady poll.
 */
class PollBackoffTest {
  private static final Duration STEADY = Duration.ofMillis(250);
  private static final Duration NO_LIMIT = Duration.ofSeconds(5);

  @Test
  void waitsStartShortAndDoubleUpToTheSteadyPoll() {
    PollBackoff backoff = new PollBackoff(STEADY);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      waits.add(backoff.next("j-1", NO_LIMIT).toMillis());
    }
    assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 250L, 250L, 250L), waits);
  }

  @Test
  void anotherJobStartsAgainFromTheFirstWaitAndTheCallersLimitWins() {
    PollBackoff backoff = new PollBackoff(STEADY);
    for (int i = 0; i < 6; i++) {
      backoff.next("j-1", NO_LIMIT);
    }
    assertEquals(Duration.ofMillis(10), backoff.next("j-2", NO_LIMIT));
    assertEquals(Duration.ofMillis(5), backoff.next("j-2", Duration.ofMillis(5)));
  }
}
