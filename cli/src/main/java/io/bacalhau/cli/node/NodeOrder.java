package io.bacalhau.cli.node;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.Resources;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The orders {@code node list --order-by} knows, as Bacalhau's nodes route sorts: by ID unless told
 * otherwise, available capacities largest first.
 */
enum NodeOrder {
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

  /** This order, ties broken by ID so that a listing is the same every time. */
  Comparator<NodeState> comparator() {
    return this == ID ? order : order.thenComparing(ID.order);
  }

  static NodeOrder parse(String field) {
    String f = field.strip().toLowerCase(Locale.ROOT);
    for (NodeOrder o : values()) {
      if (o.field().equals(f)) {
        return o;
      }
    }
    throw new UsageException(
        "invalid --order-by '" + field + "'", "Valid fields: " + fields() + ".");
  }

  String field() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String fields() {
    return Arrays.stream(values()).map(NodeOrder::field).collect(Collectors.joining(", "));
  }

  private static Comparator<NodeState> largestFirst(ToDoubleFunction<Resources> dimension) {
    return Comparator.comparingDouble(
        (NodeState n) -> -dimension.applyAsDouble(n.info().computeNodeInfo().availableCapacity()));
  }

  /** For shell completion of {@code --order-by}. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(NodeOrder::field).iterator();
    }
  }
}
