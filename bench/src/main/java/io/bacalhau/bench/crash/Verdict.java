package io.bacalhau.bench.crash;

/** What the checks found for one acknowledged job; {@code detail} says why when not {@code OK}. */
record Verdict(Outcome outcome, String detail) {
  enum Outcome {
    OK,
    /** Missing after the restart, without its history, or an acknowledged stop or rerun undone. */
    LOST,
    /** Not terminal within the bound. */
    STUCK,
    /** Two executions of a Count-1 job active at once, or more than one completed. */
    DUPLICATE,
    /** Completed, but its published results did not download or did not hold its output. */
    BAD_RESULT
  }

  static Verdict ok() {
    return new Verdict(Outcome.OK, "");
  }

  static Verdict of(Outcome outcome, String jobId, String detail) {
    return new Verdict(outcome, jobId + ": " + detail);
  }
}
