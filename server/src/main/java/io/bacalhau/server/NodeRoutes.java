package io.bacalhau.server;

import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.api.GetNodeResponse;
import io.bacalhau.core.client.api.ListNodesResponse;
import io.bacalhau.core.client.api.PutNodeRequest;
import io.bacalhau.core.client.api.PutNodeResponse;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.NodeOrder;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.orchestrator.LabelMatcher;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/orchestrator/nodes}: list (filtered by labels, approval and status, ordered), get
 * by ID prefix, approve, reject, delete.
 */
final class NodeRoutes implements HttpService {
  static final String PREFIX = "/api/v1/orchestrator/nodes";

  private final NodeClient node;
  private final long maxBody;

  NodeRoutes(NodeClient node, long maxBody) {
    this.node = node;
    this.maxBody = maxBody;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/", this::list).get("/{id}", this::get).put("/{id}", this::update);
  }

  private void list(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    String approval = q.string("filter-approval", "").toUpperCase(Locale.ROOT);
    String status = q.string("filter-status", "").toUpperCase(Locale.ROOT);
    List<LabelSelectorRequirement> selector = q.selector("labels");
    Comparator<NodeState> order = order(q.string("order_by", ""), q.bool("reverse"));
    List<NodeState> nodes = new ArrayList<>();
    for (NodeState n : node.nodes()) {
      if ((approval.isEmpty() || approval.equals(n.membership().label()))
          && (status.isEmpty() || status.equals(n.connection().label()))
          && selector.stream().allMatch(r -> LabelMatcher.matches(r, n.info().labels()))) {
        nodes.add(n);
      }
    }
    nodes.sort(order);
    int limit = (int) q.number("limit", 0);
    if (limit > 0 && nodes.size() > limit) {
      nodes = nodes.subList(0, limit);
    }
    ApiJson.send(res, new ListNodesResponse(nodes, ""));
  }

  private void get(ServerRequest req, ServerResponse res) {
    String prefix = req.path().pathParameters().get("id");
    List<NodeState> matches =
        node.nodes().stream().filter(n -> n.info().nodeId().startsWith(prefix)).toList();
    if (matches.isEmpty()) {
      throw BacalhauException.notFound("NodeManager", "node not found: " + prefix);
    }
    if (matches.size() > 1) {
      throw BacalhauException.badRequest(
          "multiple nodes found for prefix " + prefix, "Use more characters of the node ID.");
    }
    ApiJson.send(res, new GetNodeResponse(matches.getFirst()));
  }

  private void update(ServerRequest req, ServerResponse res) {
    PutNodeRequest body = ApiJson.read(req, maxBody, PutNodeRequest.class);
    String id = req.path().pathParameters().get("id");
    node.updateNode(
        id,
        body.action() == null ? "" : body.action(),
        body.message() == null ? "" : body.message());
    ApiJson.send(res, new PutNodeResponse(true));
  }

  /** The {@code order_by} of the nodes list, reversed when asked; an unknown field is a 400. */
  static Comparator<NodeState> order(String orderBy, boolean reverse) {
    Comparator<NodeState> order =
        NodeOrder.find(orderBy)
            .orElseThrow(
                () ->
                    BacalhauException.badRequest(
                        "invalid value '" + orderBy + "' for query parameter order_by",
                        "Order nodes by " + NodeOrder.fields() + "."))
            .comparator();
    return reverse ? order.reversed() : order;
  }
}
