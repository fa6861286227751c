package io.bacalhau.bench.crash;

import io.bacalhau.bench.crash.Verdict.Outcome;
import java.util.EnumMap;
import java.util.Map;

/** The harness's counts, per iteration and over the run. */
final class Totals {
  int iterations;
  int kills;
  int acknowledged;
  int integrityFailures;

  /** Cluster only: a node not connected again, a broker not restarted, a process that exited. */
  int unhealed;

  /** Where one iteration's time went; empty in sums. */
  String phases = "";

  final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

  void add(Totals other) {
    iterations += other.iterations;
    kills += other.kills;
    acknowledged += other.acknowledged;
    integrityFailures += other.integrityFailures;
    unhealed += other.unhealed;
    other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
  }

  int count(Outcome o) {
    return outcomes.getOrDefault(o, 0);
  }

  /** Nothing acknowledged went missing, stuck, ran twice or came back wrong; the store is sound. */
  boolean clean() {
    return integrityFailures == 0
        && unhealed == 0
        && count(Outcome.LOST) == 0
        && count(Outcome.STUCK) == 0
        && count(Outcome.DUPLICATE) == 0
        && count(Outcome.BAD_RESULT) == 0;
  }

  @Override
  public String toString() {
    return "iterations=%d kills=%d acknowledged=%d lost=%d stuck=%d duplicates=%d bad-results=%d integrity-failures=%d%s"
        .formatted(
            iterations,
            kills,
            acknowledged,
            count(Outcome.LOST),
            count(Outcome.STUCK),
            count(Outcome.DUPLICATE),
            count(Outcome.BAD_RESULT),
            integrityFailures,
            unhealed == 0 ? "" : " unhealed=" + unhealed);
  }
}
