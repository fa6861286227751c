package io.bacalhau.core.orchestrator;

import java.time.Duration;

/**
 * How the scheduler retries and queues.
 *
 * @param maxRetries how often a failed partition is tried again
 * @param queueBackoff how long a queued job waits before it is looked at again
 */
public record SchedulerSettings(int maxRetries, Duration queueBackoff) {
  public static final SchedulerSettings DEFAULTS = new SchedulerSettings(2, Duration.ofMinutes(1));
}
