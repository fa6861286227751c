package io.bacalhau.server;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.Resources;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The {@code order_by} of the nodes list, as Bacalhau orders it: by ID unless asked otherwise, free
 * capacity largest first (the node a user would pick comes first), ties broken by ID so the order
 * is stable from one call to the next.
 */
final class NodeOrder {
  static final String VALID =
      "id, type, available_cpu, available_memory, available_disk, available_gpu, approval, status";

  private static final Comparator<NodeState> BY_ID =
      Comparator.comparing((NodeState n) -> n.info().nodeId());

  private NodeOrder() {}

  /** The order named by {@code orderBy} (blank = {@code id}), reversed when asked. */
  static Comparator<NodeState> of(String orderBy, boolean reverse) {
    Comparator<NodeState> order =
        switch (orderBy.strip().toLowerCase(Locale.ROOT)) {
          case "", "id" -> BY_ID;
          case "type" -> Comparator.comparing((NodeState n) -> n.info().nodeType().label());
          case "available_cpu" -> available(Resources::cpu);
          case "available_memory" -> available(r -> r.memory());
          case "available_disk" -> available(r -> r.disk());
          case "available_gpu" -> available(r -> r.gpu());
          case "approval" -> Comparator.comparing((NodeState n) -> n.membership().label());
          case "status" -> Comparator.comparing((NodeState n) -> n.connection().label());
          default ->
              throw BacalhauException.badRequest(
                  "invalid value '" + orderBy + "' for query parameter order_by",
                  "Order nodes by " + VALID + ".");
        };
    order = order.thenComparing(BY_ID);
    return reverse ? order.reversed() : order;
  }

  private static Comparator<NodeState> available(ToDoubleFunction<Resources> amount) {
    // A node that advertised no capacity (orchestrator only) has zero, so it sorts last.
    return Comparator.comparingDouble(
            (NodeState n) -> amount.applyAsDouble(n.info().computeNodeInfo().availableCapacity()))
        .reversed();
  }
}
