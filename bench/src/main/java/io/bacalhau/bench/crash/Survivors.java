package io.bacalhau.bench.crash;

import java.util.List;

/** At the end of a run: every job acknowledged in any iteration is still there, after all kills. */
final class Survivors {
  private final NodeApi api;

  Survivors(NodeApi api) {
    this.api = api;
  }

  int missing(List<Submitted> acknowledged, List<String> failures) {
    int missing = 0;
    for (Submitted s : acknowledged) {
      if (api.job(s.jobId()).isEmpty()) {
        missing++;
        failures.add("end of run: LOST " + s.jobId() + " (acknowledged via " + s.via() + ")");
      }
    }
    return missing;
  }
}
