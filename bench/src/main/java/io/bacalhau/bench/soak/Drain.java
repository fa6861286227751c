package io.bacalhau.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Waits, within a bound, until every acknowledged job is listed by the node in a terminal state, by
 * paging through the whole job list (a get per job would be tens of thousands of calls).
 */
final class Drain {
  private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Stopped");

  /** What the last look found: jobs the node does not know, and jobs not yet over. */
  record Outcome(Set<String> lost, Set<String> open, Map<String, Integer> states, long millis) {}

  private Drain() {}

  static Outcome await(ApiClient api, Set<String> acknowledged, Duration timeout)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      Map<String, String> listed = listAll(api);
      Set<String> lost = new HashSet<>();
      Set<String> open = new HashSet<>();
      Map<String, Integer> states = new HashMap<>();
      for (String id : acknowledged) {
        String state = listed.get(id);
        if (state == null) {
          lost.add(id);
        } else {
          states.merge(state, 1, Integer::sum);
          if (!TERMINAL.contains(state)) {
            open.add(id);
          }
        }
      }
      boolean done = lost.isEmpty() && open.isEmpty();
      if (done || System.nanoTime() > deadline) {
        return new Outcome(lost, open, states, (System.nanoTime() - start) / 1_000_000);
      }
      Thread.sleep(1000);
    }
  }

  private static Map<String, String> listAll(ApiClient api)
      throws IOException, InterruptedException {
    Map<String, String> states = new HashMap<>();
    String next = "";
    do {
      JsonNode page = api.page(1000, next);
      for (JsonNode job : page.path("Items")) {
        states.put(job.path("ID").asText(), job.path("State").path("StateType").asText());
      }
      next = page.path("NextToken").asText("");
    } while (!next.isEmpty());
    return states;
  }
}
