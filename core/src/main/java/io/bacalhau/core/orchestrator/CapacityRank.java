package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Resources;

/**
 * Bacalhau's capacity rankers: 0-80 for the room a node has free and 0-20 for how little it has
 * queued, each weighed by what the job asks for most; and its over-subscription check (factor 1.5).
 */
final class CapacityRank {
  static final double OVER_SUBSCRIPTION = 1.5;

  private CapacityRank() {}

  /**
   * Why the node could not take the job without going over 1.5 x its capacity, or null. A node that
   * reported no capacity cannot be checked and is never over-subscribed here.
   */
  static String overSubscribed(ComputeNodeInfo node, Resources job) {
    Resources max = node.maxCapacity();
    if (max.cpu() == 0 && max.memory() == 0) {
      return null;
    }
    Resources after = busy(node).add(job);
    Resources limit =
        new Resources(
            max.cpu() * OVER_SUBSCRIPTION,
            (long) (max.memory() * OVER_SUBSCRIPTION),
            (long) (max.disk() * OVER_SUBSCRIPTION),
            (long) Math.floor(max.gpu() * OVER_SUBSCRIPTION));
    return after.fitsIn(limit)
        ? null
        : "node is over-subscribed: its running and queued work and this job would exceed "
            + OVER_SUBSCRIPTION
            + " x its capacity";
  }

  /** 0-100: more for a node with more of what the job needs free, and less queued. */
  static int rank(ComputeNodeInfo node, Resources job) {
    Resources max = node.maxCapacity();
    Resources busy = busy(node);
    double[] w = weights(job, max);
    double free =
        w[0] * freeShare(busy.cpu(), max.cpu())
            + w[1] * freeShare(busy.memory(), max.memory())
            + w[2] * freeShare(busy.disk(), max.disk())
            + w[3] * freeShare(busy.gpu(), max.gpu());
    Resources queued = node.queueUsedCapacity();
    double queue =
        w[0] * share(queued.cpu(), max.cpu())
            + w[1] * share(queued.memory(), max.memory())
            + w[2] * share(queued.disk(), max.disk())
            + w[3] * share(queued.gpu(), max.gpu());
    return (int) Math.round(80 * free + 20 * (1 - Math.min(1, queue)));
  }

  /** What the node runs and has queued: its capacity less what it has free, plus its queue. */
  static Resources busy(ComputeNodeInfo node) {
    Resources running = node.maxCapacity().subtract(node.availableCapacity());
    return new Resources(
            Math.max(0, running.cpu()),
            Math.max(0, running.memory()),
            Math.max(0, running.disk()),
            Math.max(0, running.gpu()))
        .add(node.queueUsedCapacity());
  }

  /**
   * The job's share of each dimension of the node, normalised; a job that asks for nothing is
   * weighed as Bacalhau's default, CPU first, then memory 0.3 and disk 0.2.
   */
  private static double[] weights(Resources job, Resources max) {
    double[] w = {
      share(job.cpu(), max.cpu()),
      share(job.memory(), max.memory()),
      share(job.disk(), max.disk()),
      share(job.gpu(), max.gpu())
    };
    double sum = w[0] + w[1] + w[2] + w[3];
    if (sum == 0) {
      return new double[] {0.5, 0.3, 0.2, 0};
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }

  private static double freeShare(double busy, double max) {
    return max <= 0 ? 0 : Math.max(0, 1 - busy / max);
  }

  private static double share(double part, double max) {
    return max <= 0 ? 0 : Math.min(1, part / max);
  }
}
