package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.NodeOrder;
import io.bacalhau.core.models.NodeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau node list}: the nodes the orchestrator knows, with the columns asked for. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the nodes.")
public final class NodeListCommand implements Callable<Integer> {
  private final CliSession session;

  @Option(
      names = "--show",
      split = ",",
      paramLabel = "<group>",
      defaultValue = NodeColumns.DEFAULT,
      completionCandidates = NodeColumns.Candidates.class,
      description =
          "Column groups to show, comma-separated: ${COMPLETION-CANDIDATES}"
              + " (default ${DEFAULT-VALUE}).")
  private List<String> show;

  @Mixin private NodeFilters filters;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "How many nodes to show (default: all).")
  private int limit;

  @Option(
      names = "--order-by",
      defaultValue = "id",
      paramLabel = "<field>",
      completionCandidates = NodeOrderCandidates.class,
      description = "Order by ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  private String orderBy;

  @Option(names = "--order-reversed", description = "Reverse the order.")
  private boolean reversed;

  @Mixin private TableOptions table;

  NodeListCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    List<NodeColumns> groups = NodeColumns.parse(show);
    Comparator<NodeState> order =
        (orderBy.isBlank() ? Optional.<NodeOrder>empty() : NodeOrder.find(orderBy))
            .orElseThrow(
                () ->
                    new UsageException(
                        "invalid --order-by '" + orderBy + "'",
                        "Valid fields: " + NodeOrder.fields() + "."))
            .comparator();
    if (limit < 0) {
      throw new UsageException(
          "invalid --limit " + limit, "Give a number of nodes, or 0 for all of them.");
    }
    var wanted = filters.predicate();
    List<NodeState> nodes =
        session.node().nodes().stream()
            .filter(wanted)
            .sorted(reversed ? order.reversed() : order)
            .limit(limit > 0 ? limit : Long.MAX_VALUE)
            .toList();
    List<Column> columns =
        new ArrayList<>(
            List.of(
                Column.of("ID"), Column.of("Type"), Column.of("Approval"), Column.of("Status")));
    groups.forEach(g -> columns.addAll(g.columns()));
    Table t = new Table(columns);
    for (NodeState node : nodes) {
      List<Object> cells = new ArrayList<>();
      cells.add(Ids.shortId(node.info().nodeId()));
      cells.add(node.info().nodeType().label());
      cells.add(node.membership().label());
      cells.add(node.connection().label());
      groups.forEach(g -> cells.addAll(g.cells(node)));
      t.row(cells.toArray());
    }
    TableOutput.print(session, table, t, nodes);
    return ExitCode.OK;
  }
}
