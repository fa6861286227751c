package io.bacalhau.cli.node;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.ByteText;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The column groups {@code node list --show} picks from, each with its columns and cells. Compute
 * columns stay blank for a node that runs no jobs.
 */
enum NodeColumns {
  LABELS(List.of(Column.of("Labels", 50))),
  VERSION(List.of(Column.of("Version"), Column.of("Architecture"), Column.of("OS"))),
  FEATURES(List.of(Column.of("Engines"), Column.of("Inputs From"), Column.of("Outputs"))),
  CAPACITY(List.of(Column.of("CPU"), Column.of("Memory"), Column.of("Disk"), Column.of("GPU"))),
  /**
   * Ours, not Bacalhau's (whose list has STATUS only): how a cluster's nodes are doing, the age of
   * the last heartbeat and the executions running and queued there as of it.
   */
  ACTIVITY(List.of(Column.of("Heartbeat"), Column.of("Running"), Column.of("Queued")));

  /** What {@code --show} shows when not given, as in Bacalhau. */
  static final String DEFAULT = "labels,capacity";

  private final List<Column> columns;

  NodeColumns(List<Column> columns) {
    this.columns = columns;
  }

  List<Column> columns() {
    return columns;
  }

  /** The groups {@code --show} names, comma-separated, in the order of this enum. */
  static List<NodeColumns> parse(List<String> show) {
    List<NodeColumns> groups = new ArrayList<>();
    for (String item : show) {
      for (String name : item.split(",")) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
          continue;
        }
        NodeColumns group = find(n);
        if (!groups.contains(group)) {
          groups.add(group);
        }
      }
    }
    groups.sort(null);
    return groups;
  }

  private static NodeColumns find(String name) {
    for (NodeColumns g : values()) {
      if (g.name().toLowerCase(Locale.ROOT).equals(name)) {
        return g;
      }
    }
    throw new UsageException(
        "invalid --show '" + name + "'", "Valid column groups: " + names() + ".");
  }

  static String names() {
    return java.util.Arrays.stream(values())
        .map(g -> g.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  List<String> cells(NodeState node) {
    NodeInfo info = node.info();
    boolean compute = info.nodeType() == NodeType.COMPUTE;
    ComputeNodeInfo c = info.computeNodeInfo();
    return switch (this) {
      case LABELS -> List.of(labels(info.labels()));
      case VERSION ->
          List.of(
              info.bacalhauVersion().gitVersion(),
              info.bacalhauVersion().goarch(),
              info.bacalhauVersion().goos());
      case FEATURES ->
          compute
              ? List.of(
                  String.join(" ", c.executionEngines()),
                  String.join(" ", c.storageSources()),
                  String.join(" ", c.publishers()))
              : List.of("", "", "");
      case CAPACITY -> compute ? capacity(c) : List.of("", "", "", "");
      case ACTIVITY -> activity(node, compute);
    };
  }

  private static String labels(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  /** A node in this process has no heartbeat: its age stays blank. */
  private static List<String> activity(NodeState node, boolean compute) {
    Instant beat = node.connectionState().lastHeartbeat();
    String age = beat == null ? "" : TimeText.ago(Times.nanos(beat), Instant.now());
    ComputeNodeInfo c = node.info().computeNodeInfo();
    return compute
        ? List.of(
            age, String.valueOf(c.runningExecutions()), String.valueOf(c.enqueuedExecutions()))
        : List.of(age, "", "");
  }

  private static List<String> capacity(ComputeNodeInfo c) {
    Resources avail = c.availableCapacity();
    Resources max = c.maxCapacity();
    return List.of(
        String.format(Locale.ROOT, "%.1f / %.1f", avail.cpu(), max.cpu()),
        ByteText.of(avail.memory()) + " / " + ByteText.of(max.memory()),
        ByteText.of(avail.disk()) + " / " + ByteText.of(max.disk()),
        avail.gpu() + " / " + max.gpu());
  }

  /** For shell completion of {@code --show}. */
  static final class Candidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(values())
          .map(g -> g.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }
}
