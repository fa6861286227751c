package io.bacalhau.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Every JobID the node acknowledged, shared by the clients: what must never be lost. */
final class JobLedger {
  private final List<String> ids = new ArrayList<>();

  synchronized void acknowledged(String id) {
    ids.add(id);
  }

  /** A job some client submitted, for the reads; empty before the first submission. */
  synchronized String any(RandomGenerator random) {
    return ids.isEmpty() ? "" : ids.get(random.nextInt(ids.size()));
  }

  synchronized int size() {
    return ids.size();
  }

  synchronized Set<String> all() {
    return Set.copyOf(ids);
  }
}
