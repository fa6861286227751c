package io.bacalhau.core.models;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The orders of a nodes list, as Bacalhau's nodes route sorts (its {@code order_by}, and {@code
 * node list --order-by}): by ID unless told otherwise, available capacities largest first (the node
 * a user would pick comes first), ties broken by ID so a listing is the same every time.
 */
public enum NodeOrder {
  ID(Comparator.comparing(n -> n.info().nodeId())),
  TYPE(Comparator.comparing(n -> n.info().nodeType().label())),
  APPROVAL(Comparator.comparing(n -> n.membership().label())),
  STATUS(Comparator.comparing(n -> n.connection().label())),
  AVAILABLE_CPU(largestFirst(Resources::cpu)),
  AVAILABLE_MEMORY(largestFirst(Resources::memory)),
  AVAILABLE_DISK(largestFirst(Resources::disk)),
  AVAILABLE_GPU(largestFirst(Resources::gpu));

  private final Comparator<NodeState> order;

  NodeOrder(Comparator<NodeState> order) {
    this.order = order;
  }

  /** This order, ties broken by ID. */
  public Comparator<NodeState> comparator() {
    return this == ID ? order : order.thenComparing(ID.order);
  }

  /** The order a field names, in any case; blank is {@link #ID}. */
  public static Optional<NodeOrder> find(String field) {
    String f = field == null ? "" : field.strip().toLowerCase(Locale.ROOT);
    if (f.isEmpty()) {
      return Optional.of(ID);
    }
    return Arrays.stream(values()).filter(o -> o.field().equals(f)).findFirst();
  }

  /** The field's name on the wire and the command line, e.g. {@code available_cpu}. */
  public String field() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every field, for messages: {@code id, type, ...}. */
  public static String fields() {
    return Arrays.stream(values()).map(NodeOrder::field).collect(Collectors.joining(", "));
  }

  private static Comparator<NodeState> largestFirst(ToDoubleFunction<Resources> dimension) {
    // A node that advertised no capacity (orchestrator only) has zero, so it sorts last.
    return Comparator.comparingDouble(
        (NodeState n) -> -dimension.applyAsDouble(n.info().computeNodeInfo().availableCapacity()));
  }
}
