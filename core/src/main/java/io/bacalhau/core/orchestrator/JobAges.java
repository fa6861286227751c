package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How long each job's current version has existed, which its TotalTimeout and QueueTimeout are
 * measured against. The first time this process looks at a version (at its submission, or when it
 * adopts the job after a restart) its age is read off the wall clock, from the stored submission
 * time; from then on it grows on the monotonic clock, so a step of the wall clock (NTP, an
 * administrator) neither fails a job early nor keeps it late. Used by the orchestrator's one worker
 * thread only.
 */
final class JobAges {
  private final LongSupplier nanoTime;
  private final Map<String, Anchor> anchors = new HashMap<>();

  /**
   * @param nanoTime the monotonic clock ({@link System#nanoTime})
   */
  JobAges(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * @param versionStart when the job's current version was submitted, on the wall clock
   * @param now the wall clock now, read only when this version is first seen
   */
  Duration age(Job job, long versionStart, Instant now) {
    long mono = nanoTime.getAsLong();
    Anchor anchor = anchors.get(job.id());
    if (anchor == null || anchor.version != job.version() || anchor.versionStart != versionStart) {
      long before = Math.max(0, Times.minus(Times.nanos(now), versionStart));
      anchor = new Anchor(job.version(), versionStart, before, mono);
      anchors.put(job.id(), anchor);
    }
    return Duration.ofNanos(Times.plus(anchor.ageWhenSeen, Math.max(0, mono - anchor.seenAt)));
  }

  /** The job ended or moved to another process: a later version or adoption anchors afresh. */
  void forget(String jobId) {
    anchors.remove(jobId);
  }

  private record Anchor(long version, long versionStart, long ageWhenSeen, long seenAt) {}
}
