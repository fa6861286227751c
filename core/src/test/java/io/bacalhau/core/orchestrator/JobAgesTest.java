package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A job version's age: read off the wall clock once, then grown on the monotonic clock. */
class JobAgesTest {
  private static final Instant SUBMITTED = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(SUBMITTED);
  private final JobAges ages = new JobAges(clock::nanoTime);

  private static Job job(long version) {
    return Job.builder().id("j-1").version(version).createTime(Times.nanos(SUBMITTED)).build();
  }

  @Test
  void aWallClockStepAfterTheJobWasSeenChangesNotItsAge() {
    ages.age(job(1), Times.nanos(SUBMITTED), clock.instant());
    clock.advance(Duration.ofSeconds(10));
    clock.step(Duration.ofHours(1));
    assertEquals(Duration.ofSeconds(10), ages.age(job(1), Times.nanos(SUBMITTED), clock.instant()));
    clock.step(Duration.ofHours(-3));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(15), ages.age(job(1), Times.nanos(SUBMITTED), clock.instant()));
  }

  @Test
  void aJobAdoptedAfterARestartIsAsOldAsItsStoredSubmissionTimeSays() {
    clock.advance(Duration.ofMinutes(7));
    assertEquals(Duration.ofMinutes(7), ages.age(job(1), Times.nanos(SUBMITTED), clock.instant()));
  }

  @Test
  void aNewVersionStartsFromItsOwnSubmission() {
    ages.age(job(1), Times.nanos(SUBMITTED), clock.instant());
    clock.advance(Duration.ofMinutes(5));
    long rerun = Times.nanos(clock.instant());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(2), ages.age(job(2), rerun, clock.instant()));
  }
}
