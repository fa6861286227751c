package io.bacalhau.bench.soak;

import java.util.List;

/**
 * The node's resident memory over the load: first, peak and last sample, and the least-squares
 * slope over the last half, which is near zero once the memory has reached its plateau.
 */
record MemoryCurve(long firstKb, long peakKb, long lastKb, double lastHalfSlopeMbPerMin) {

  static MemoryCurve of(List<ProcStats> load) {
    if (load.isEmpty()) {
      return new MemoryCurve(0, 0, 0, 0);
    }
    long peak = load.stream().mapToLong(ProcStats::rssKb).max().orElse(0);
    List<ProcStats> half = load.subList(load.size() / 2, load.size());
    return new MemoryCurve(
        load.getFirst().rssKb(), peak, load.getLast().rssKb(), slopeMbPerMin(half));
  }

  /** How much the memory would grow over the last half at the slope it ended with, in MB. */
  double lastHalfGrowthMb(long loadMillis) {
    return lastHalfSlopeMbPerMin * loadMillis / 2 / 60_000.0;
  }

  private static double slopeMbPerMin(List<ProcStats> s) {
    if (s.size() < 2) {
      return 0;
    }
    double n = s.size();
    double mx = s.stream().mapToDouble(ProcStats::millis).sum() / n;
    double my = s.stream().mapToDouble(ProcStats::rssKb).sum() / n;
    double num = 0;
    double den = 0;
    for (ProcStats p : s) {
      num += (p.millis() - mx) * (p.rssKb() - my);
      den += (p.millis() - mx) * (p.millis() - mx);
    }
    return den == 0 ? 0 : num / den * 60_000 / 1024;
  }
}
