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

  /** Where one iteration's time went; empty in sums. */
  String phases = "";

  final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

  void add(Totals other) {
    iterations += other.iterations;
    kills += other.kills;
    acknowledged += other.acknowledged;
    integrityFailures += other.integrityFailures;
    other.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
  }

  int count(Outcome o) {
    return outcomes.getOrDefault(o, 0);
  }

  /** Nothing acknowledged went missing, stuck, ran twice or came back wrong; the store is sound. */
  boolean clean() {
    return integrityFailures == 0
        && count(Outcome.LOST) == 0
        && count(Outcome.STUCK) == 0
        && count(Outcome.DUPLICATE) == 0
        && count(Outcome.BAD_RESULT) == 0;
  }

  @Override
  public String toString() {
    return "iterations=%d kills=%d acknowledged=%d lost=%d stuck=%d duplicates=%d bad-results=%d integrity-failures=%d"
        .formatted(
            iterations,
            kills,
            acknowledged,
            count(Outcome.LOST),
            count(Outcome.STUCK),
            count(Outcome.DUPLICATE),
            count(Outcome.BAD_RESULT),
            integrityFailures);
  }
}
