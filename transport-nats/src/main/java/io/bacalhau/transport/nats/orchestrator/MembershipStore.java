package io.bacalhau.transport.nats.orchestrator;

import java.util.Collection;
import java.util.List;

/**
 * Where the orchestrator keeps the nodes it knows between restarts (Bacalhau keeps them in a NATS
 * KV bucket): their membership above all, so that a rejected node stays refused and an approved one
 * is not asked to wait for approval again; and the start time of each node's process, so that a
 * node restarted while the orchestrator was down too is seen to have restarted.
 */
public interface MembershipStore {
  /** The nodes saved last, in the order they joined. */
  List<KnownNode> load();

  /** Replaces what is saved with {@code nodes}. */
  void save(Collection<KnownNode> nodes);

  /** Keeps nothing: a registry that forgets its nodes when the process ends. */
  static MembershipStore inMemory() {
    return new MembershipStore() {
      @Override
      public List<KnownNode> load() {
        return List.of();
      }

      @Override
      public void save(Collection<KnownNode> nodes) {}
    };
  }
}
