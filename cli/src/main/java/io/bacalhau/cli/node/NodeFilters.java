package io.bacalhau.cli.node;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.run.SelectorFlag;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.orchestrator.LabelMatcher;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Which nodes {@code node list} shows: by labels, approval and connection. */
public final class NodeFilters {
  @Option(
      names = "--labels",
      paramLabel = "<selector>",
      description = "Only nodes whose labels match, e.g. 'region=eu,gpu!=none' (label selector).")
  private String labels;

  @Option(
      names = "--filter-approval",
      paramLabel = "<approval>",
      completionCandidates = ApprovalCandidates.class,
      description = "Only nodes of this approval: ${COMPLETION-CANDIDATES}.")
  private String approval;

  @Option(
      names = "--filter-status",
      paramLabel = "<status>",
      completionCandidates = StatusCandidates.class,
      description = "Only nodes of this status: ${COMPLETION-CANDIDATES}.")
  private String status;

  /** The test the flags describe; a flag with a value no node can have is refused. */
  java.util.function.Predicate<NodeState> predicate() {
    List<LabelSelectorRequirement> selector = SelectorFlag.parse("--labels", labels);
    NodeMembership wantedApproval =
        approval == null ? null : approval(approval.strip().toLowerCase(Locale.ROOT));
    NodeConnection wantedStatus =
        status == null ? null : status(status.strip().toLowerCase(Locale.ROOT));
    return node ->
        (wantedApproval == null || node.membership() == wantedApproval)
            && (wantedStatus == null || node.connection() == wantedStatus)
            && selector.stream().allMatch(r -> LabelMatcher.matches(r, node.info().labels()));
  }

  private NodeMembership approval(String value) {
    return switch (value) {
      case "approved" -> NodeMembership.APPROVED;
      case "pending" -> NodeMembership.PENDING;
      case "rejected" -> NodeMembership.REJECTED;
      default ->
          throw new UsageException(
              "invalid --filter-approval '" + approval + "'", "Use approved, pending or rejected.");
    };
  }

  private NodeConnection status(String value) {
    return switch (value) {
      case "connected" -> NodeConnection.CONNECTED;
      case "disconnected" -> NodeConnection.DISCONNECTED;
      default ->
          throw new UsageException(
              "invalid --filter-status '" + status + "'", "Use connected or disconnected.");
    };
  }

  /** For shell completion and help of {@code --filter-approval}. */
  static final class ApprovalCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ApprovalCandidates() {
      super(List.of("approved", "pending", "rejected"));
    }
  }

  /** For shell completion and help of {@code --filter-status}. */
  static final class StatusCandidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    StatusCandidates() {
      super(List.of("connected", "disconnected"));
    }
  }
}
