package io.bacalhau.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.bench.crash.Verdict.Outcome;
import io.bacalhau.core.models.ExecutionStateType;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one acknowledged job after a restart: it is there with its history, reaches a terminal
 * state within the bound, never has two executions at work at once (it is Count 1), keeps an
 * acknowledged stop or rerun, and its published stdout holds what the job printed.
 */
final class JobChecker {
  private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Stopped");
  // ExecutionStateType codes: BidAccepted, Running, Publishing (at work); Completed.
  private static final Set<Integer> AT_WORK = Set.of(5, 6, 7);
  private static final int COMPLETED = 9;
  private final NodeApi api;
  private final long boundNanos;

  JobChecker(NodeApi api, long boundNanos) {
    this.api = api;
    this.boundNanos = boundNanos;
  }

  /**
   * @param stopped the node acknowledged a stop of this job
   * @param version the job version an acknowledged rerun made, else 0
   */
  Verdict check(Submitted s, boolean stopped, int version) throws InterruptedException {
    long deadline = System.nanoTime() + boundNanos;
    String id = s.jobId();
    while (true) {
      Optional<JsonNode> got = api.job(id);
      if (got.isEmpty()) {
        return Verdict.of(Outcome.LOST, id, "not found after the restart (" + s.via() + ")");
      }
      JsonNode job = got.get();
      if (job.path("History").path("Items").isEmpty()) {
        return Verdict.of(Outcome.LOST, id, "no history");
      }
      int jobVersion = job.path("Job").path("Version").asInt();
      if (jobVersion < version) {
        return Verdict.of(Outcome.LOST, id, "rerun to version " + version + " undone");
      }
      Optional<Verdict> twice = duplicate(id, job.path("Executions").path("Items"), jobVersion);
      if (twice.isPresent()) {
        return twice.get();
      }
      String state = job.path("Job").path("State").path("StateType").asText();
      if (TERMINAL.contains(state)) {
        if (stopped && version == 0 && !state.equals("Stopped")) {
          return Verdict.of(Outcome.LOST, id, "stop acknowledged, but the job ended " + state);
        }
        return state.equals("Completed") && s.published() ? results(s) : Verdict.ok();
      }
      if (System.nanoTime() > deadline) {
        return Verdict.of(
            Outcome.STUCK,
            id,
            state
                + " after the bound ("
                + s.kind()
                + "); executions: "
                + executions(job.path("Executions").path("Items")));
      }
      Thread.sleep(250);
    }
  }

  /** Each execution's short ID, node and state, so that a stuck job says where it waits. */
  private static String executions(JsonNode items) {
    StringBuilder out = new StringBuilder();
    for (JsonNode e : items) {
      int code = e.path("ComputeState").path("StateType").asInt();
      String state =
          code >= 0 && code < ExecutionStateType.values().length
              ? ExecutionStateType.values()[code].label()
              : String.valueOf(code);
      out.append(out.isEmpty() ? "" : ", ")
          .append(e.path("ID").asText().substring(0, Math.min(10, e.path("ID").asText().length())))
          .append(" on ")
          .append(e.path("NodeID").asText())
          .append(' ')
          .append(state);
    }
    return out.isEmpty() ? "none" : out.toString();
  }

  private static Optional<Verdict> duplicate(String id, JsonNode executions, int version) {
    int atWork = 0;
    int completed = 0;
    for (JsonNode e : executions) {
      if (e.path("JobVersion").asInt() != version) {
        continue;
      }
      int state = e.path("ComputeState").path("StateType").asInt();
      atWork += AT_WORK.contains(state) ? 1 : 0;
      completed += state == COMPLETED ? 1 : 0;
    }
    if (atWork > 1 || completed > 1) {
      return Optional.of(
          Verdict.of(
              Outcome.DUPLICATE,
              id,
              atWork + " executions at work, " + completed + " completed, of version " + version));
    }
    return Optional.empty();
  }

  private Verdict results(Submitted s) throws InterruptedException {
    String id = s.jobId();
    JsonNode items = api.results(id).map(r -> r.path("Items")).orElse(null);
    if (items == null || items.isEmpty()) {
      return Verdict.of(Outcome.BAD_RESULT, id, "completed but no published result");
    }
    String url = items.get(0).path("Params").path("URL").asText();
    try {
      Optional<String> stdout = TarGz.file(api.download(url), "stdout");
      String line = s.kind().expectedLine(s.token());
      if (stdout.isEmpty() || !stdout.get().lines().anyMatch(line::equals)) {
        return Verdict.of(
            Outcome.BAD_RESULT, id, "stdout " + stdout.orElse("(missing)") + " lacks " + line);
      }
      return Verdict.ok();
    } catch (java.io.IOException e) {
      return Verdict.of(Outcome.BAD_RESULT, id, url + ": " + e.getMessage());
    }
  }
}
