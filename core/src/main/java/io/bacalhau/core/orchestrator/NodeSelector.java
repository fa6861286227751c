package io.bacalhau.core.orchestrator;

import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ranks compute nodes for a job, as Bacalhau's rankers do: a node that lacks a required engine,
 * publisher or input source, fails a hard label constraint, is too small, already runs this job, or
 * already failed it too often is unsuitable and says why; {@code favour_} constraints, not having
 * run the job yet, free capacity and a short queue add rank, and a random 0-4 breaks ties.
 *
 * <p>An over-subscribed node (Bacalhau's 1.5 x capacity) is ranked after every other suitable node
 * rather than refused: a job goes to a node with room whenever one matches, but the single node of
 * a local process still takes a burst into its queue instead of failing it.
 */
final class NodeSelector {
  private final int maxAttemptsPerNode;

  NodeSelector(int maxAttemptsPerNode) {
    this.maxAttemptsPerNode = maxAttemptsPerNode;
  }

  // Below any rank a node with room can get, so an over-subscribed node is only taken last.
  private static final int OVER_SUBSCRIBED_PENALTY = 1_000;

  /**
   * One node's rank; a node that is not suitable says why in {@code reason}, and so does a suitable
   * node that is over-subscribed.
   */
  record Ranked(NodeInfo node, int rank, String reason, boolean suitable) {}

  /** Every node ranked, suitable ones first, best first. */
  List<Ranked> rank(Job job, List<NodeInfo> nodes, List<Execution> executions) {
    List<Ranked> ranked = new ArrayList<>();
    for (NodeInfo node : nodes) {
      ranked.add(rank(job, node, executions));
    }
    ranked.sort(Comparator.comparing(Ranked::suitable).thenComparingInt(Ranked::rank).reversed());
    return ranked;
  }

  private Ranked rank(Job job, NodeInfo node, List<Execution> executions) {
    Task task = job.task();
    int rank = 0;
    String engine = task.engine().type();
    if (!containsIgnoreCase(node.engines(), engine)) {
      return unsuitable(
          node,
          "does not support engine " + engine + ", only " + String.join(", ", node.engines()));
    }
    rank += 10;
    if (!task.publisher().isEmpty()
        && !containsIgnoreCase(node.publishers(), task.publisher().type())) {
      return unsuitable(
          node,
          "does not support publisher "
              + task.publisher().type()
              + ", only "
              + String.join(", ", node.publishers()));
    }
    for (InputSource input : task.inputSources()) {
      if (!containsIgnoreCase(node.storageSources(), input.source().type())) {
        return unsuitable(
            node,
            "does not support input source "
                + input.source().type()
                + ", only "
                + String.join(", ", node.storageSources()));
      }
    }
    for (LabelSelectorRequirement req : job.constraints()) {
      boolean match = LabelMatcher.matches(req, node.labels());
      if (req.isPreference()) {
        rank += match ? 10 : 0;
      } else if (!match) {
        return unsuitable(
            node, "labels " + node.labels() + " don't match required selector " + describe(req));
      }
    }
    Resources needed = ResourceParser.parse(task.resources());
    if (!needed.fitsIn(node.maxCapacity())) {
      return unsuitable(node, tooBig(needed, node.maxCapacity()));
    }
    List<Execution> here =
        executions.stream()
            .filter(e -> e.nodeId().equals(node.nodeId()) && e.jobVersion() == job.version())
            .toList();
    var rejected =
        here.stream()
            .filter(e -> e.computeStateType() == ExecutionStateType.ASK_FOR_BID_REJECTED)
            .findFirst();
    if (rejected.isPresent()) {
      // Asking again would get the same answer: a node only declines for lasting reasons.
      // Its reason goes with it, so that the job's failure says why (JobAdmissionControl, ...).
      String why = rejected.get().computeState().message();
      return unsuitable(
          node,
          "node rejected the bid for this job" + (why == null || why.isBlank() ? "" : ": " + why));
    }
    long failures =
        here.stream().filter(e -> e.computeStateType() == ExecutionStateType.FAILED).count();
    if (failures >= maxAttemptsPerNode) {
      return unsuitable(node, "already failed this job " + failures + " times");
    }
    if (here.stream().anyMatch(e -> !e.computeStateType().isTerminal())) {
      // Count N means N distinct nodes: one node does not hold two partitions of a job at once.
      return unsuitable(node, "already runs an execution of this job");
    }
    rank += here.isEmpty() ? 30 : 0;
    rank += CapacityRank.rank(node.computeNodeInfo(), needed);
    rank += ThreadLocalRandom.current().nextInt(5);
    String over = CapacityRank.overSubscribed(node.computeNodeInfo(), needed);
    if (over != null) {
      return new Ranked(node, rank - OVER_SUBSCRIBED_PENALTY, over, true);
    }
    return new Ranked(node, rank, "", true);
  }

  private static String tooBig(Resources needed, Resources max) {
    if (needed.cpu() > max.cpu()) {
      return String.format(
          "job requires more CPU (%s) than the maximum available (%s)", needed.cpu(), max.cpu());
    }
    if (needed.memory() > max.memory()) {
      return "job requires more memory ("
          + needed.memory()
          + " bytes) than the maximum available ("
          + max.memory()
          + " bytes)";
    }
    if (needed.disk() > max.disk()) {
      return "job requires more disk ("
          + needed.disk()
          + " bytes) than the maximum available ("
          + max.disk()
          + " bytes)";
    }
    return "job requires more GPUs ("
        + needed.gpu()
        + ") than the maximum available ("
        + max.gpu()
        + ")";
  }

  private static String describe(LabelSelectorRequirement req) {
    return req.key() + " " + req.operator() + " " + String.join(",", req.values());
  }

  private static Ranked unsuitable(NodeInfo node, String reason) {
    return new Ranked(node, -1, reason, false);
  }

  private static boolean containsIgnoreCase(List<String> list, String value) {
    return list.stream().anyMatch(s -> s.equalsIgnoreCase(value.strip()));
  }
}
