package io.bacalhau.cli.node;

import io.bacalhau.core.models.NodeOrder;
import java.util.Arrays;
import java.util.Iterator;

/** Shell completion of {@code node list --order-by}. */
final class NodeOrderCandidates implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(NodeOrder.values()).map(NodeOrder::field).iterator();
  }
}
