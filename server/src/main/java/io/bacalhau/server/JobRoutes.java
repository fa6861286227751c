package io.bacalhau.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.PagingToken;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.client.api.DiffJobResponse;
import io.bacalhau.core.client.api.GetJobResponse;
import io.bacalhau.core.client.api.ListResponse;
import io.bacalhau.core.client.api.PutJobResponse;
import io.bacalhau.core.client.api.RerunJobRequest;
import io.bacalhau.core.client.api.RerunJobResponse;
import io.bacalhau.core.client.api.StopJobResponse;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.JobSpecParser;
import io.bacalhau.core.jobspec.ParsedSpec;
import io.bacalhau.core.jobspec.SpecCheck;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/orchestrator/jobs}: each route reads its parameters and body, asks the node
 * client, and writes what it answered. Logs are a WebSocket ({@link LogsEndpoint}).
 */
final class JobRoutes implements HttpService {
  static final String PREFIX = "/api/v1/orchestrator/jobs";

  private final NodeClient node;
  private final long maxBody;

  JobRoutes(NodeClient node, long maxBody) {
    this.node = node;
    this.maxBody = maxBody;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .put("/", this::submit)
        .post("/", this::submit)
        .put("/diff", this::diff)
        .get("/", this::list)
        .get("/{id}", this::get)
        .delete("/{id}", this::stop)
        .put("/{id}/rerun", this::rerun)
        .get("/{id}/history", this::history)
        .get("/{id}/executions", this::executions)
        .get("/{id}/versions", this::versions)
        .get("/{id}/results", this::results)
        .get("/{id}/logs", (req, res) -> LogsEndpoint.notUpgraded());
  }

  private void submit(ServerRequest req, ServerResponse res) {
    ObjectNode body = object(req);
    Job job = job(body);
    SubmitResult r = node.submit(job, field(body, "Force").map(JsonNode::asBoolean).orElse(false));
    ApiJson.send(res, new PutJobResponse(r.jobId(), r.evaluationId(), r.warnings()));
  }

  private void diff(ServerRequest req, ServerResponse res) {
    JobDiff d = node.diff(job(object(req)));
    ApiJson.send(res, new DiffJobResponse(d.diff(), d.warnings()));
  }

  private void list(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    PageRequest page = PageRequest.of(q);
    List<Job> jobs =
        node.list(
            new JobQuery(
                q.string("namespace", ""),
                q.selector("labels"),
                page.orderBy(),
                page.reverse(),
                page.fetch(),
                page.offset()));
    ApiJson.send(res, page.answer(jobs));
  }

  private void get(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    String ns = q.string("namespace", "");
    long version = q.number("job_version", 0);
    List<String> include = q.list("include");
    Job job = node.job(id(req), ns);
    if (version > 0) {
      job = node.describe(job.id(), ns, version).job();
    }
    ListResponse<JobHistory> history = null;
    ListResponse<Execution> executions = null;
    if (include.contains("history")) {
      history =
          ListResponse.of(
              node.history(job.id(), new HistoryQuery(job.version(), false, "all", "", 0)));
    }
    if (include.contains("executions")) {
      executions = ListResponse.of(node.executions(job.id(), job.version()));
    }
    ApiJson.send(res, new GetJobResponse(job, history, executions));
  }

  private void stop(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    String eval = node.stop(id(req), q.string("namespace", ""), q.string("reason", ""));
    ApiJson.send(res, new StopJobResponse(eval));
  }

  private void rerun(ServerRequest req, ServerResponse res) {
    RerunJobRequest body = ApiJson.read(req, maxBody, RerunJobRequest.class);
    QueryParams q = new QueryParams(req.query());
    SubmitResult r =
        node.rerun(
            id(req),
            q.string("namespace", ""),
            body.jobVersion(),
            body.reason() == null ? "" : body.reason());
    ApiJson.send(
        res, new RerunJobResponse(r.evaluationId(), r.jobId(), r.jobVersion(), r.warnings()));
  }

  private void history(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    Job job = node.job(id(req), q.string("namespace", ""));
    Optional<PagingToken> token = q.nextToken();
    boolean reverse = token.isPresent() ? token.get().reverse() : q.bool("reverse");
    long after = token.map(PagingToken::afterSeq).orElse(0L);
    // As in Bacalhau, a limit sent along wins over the token's.
    int limit = (int) q.number("limit", token.map(PagingToken::limit).orElse(0L));
    String eventType = q.string("event_type", "all");
    if (!List.of("all", "job", "execution").contains(eventType)) {
      throw BacalhauException.badRequest(
          "invalid event_type '" + eventType + "'", "Use all, job or execution.");
    }
    List<JobHistory> items =
        node.history(
            job.id(),
            new HistoryQuery(
                q.number("job_version", 0),
                q.bool("all_job_versions"),
                eventType,
                q.string("execution_id", ""),
                after,
                limit == 0 ? 0 : limit + 1,
                reverse));
    boolean more = limit > 0 && items.size() > limit;
    if (more) {
      items = items.subList(0, limit);
    }
    // As Bacalhau does, the token stays until the job is over: followers poll with it.
    long last = items.isEmpty() ? after : items.getLast().seqNum();
    boolean following = more || !job.stateType().isTerminal();
    String next = following ? PagingToken.afterSeq(last, limit, reverse).encode() : "";
    ApiJson.send(res, new ListResponse<>(items, next));
  }

  private void executions(ServerRequest req, ServerResponse res) {
    QueryParams q = new QueryParams(req.query());
    Job job = node.job(id(req), q.string("namespace", ""));
    PageRequest page = PageRequest.of(q);
    List<Execution> items =
        node.executions(
            job.id(),
            new ExecutionQuery(
                q.number("job_version", 0),
                q.bool("all_job_versions"),
                page.orderBy(),
                page.reverse(),
                page.fetch(),
                page.offset()));
    ApiJson.send(res, page.answer(items));
  }

  private void versions(ServerRequest req, ServerResponse res) {
    Job job = node.job(id(req), new QueryParams(req.query()).string("namespace", ""));
    ApiJson.send(res, ListResponse.of(node.versions(job.id())));
  }

  private void results(ServerRequest req, ServerResponse res) {
    String ns = new QueryParams(req.query()).string("namespace", "");
    ApiJson.send(res, ListResponse.of(node.results(id(req), ns)));
  }

  private static String id(ServerRequest req) {
    return req.path().pathParameters().get("id");
  }

  private ObjectNode object(ServerRequest req) {
    byte[] bytes = ApiJson.body(req, maxBody);
    try {
      JsonNode tree = ApiJson.mapper().readTree(bytes.length == 0 ? "{}".getBytes() : bytes);
      if (!(tree instanceof ObjectNode o)) {
        throw BacalhauException.badRequest(
            "the request body must be a JSON object", "Send {\"Job\": {...}}.");
      }
      return o;
    } catch (IOException e) {
      throw ErrorMapping.badJson(e);
    }
  }

  /** The body's Job, read as {@code job run} reads a spec: every problem with its path. */
  private static Job job(ObjectNode body) {
    JsonNode spec =
        field(body, "Job")
            .orElseThrow(
                () ->
                    BacalhauException.badRequest(
                        "the request body has no Job", "Send {\"Job\": {...}}."));
    if (!spec.isObject()) {
      throw BacalhauException.badRequest("Job must be a JSON object", "Send {\"Job\": {...}}.");
    }
    // The tree as read (a JSON body has no YAML quirks to keep), not written out and parsed again.
    ParsedSpec parsed = JobSpecParser.readSubmitted("Job", (ObjectNode) spec);
    if (!parsed.ok()) {
      // With what validation finds besides, as job run and job validate report it.
      throw new InvalidSpecException(SpecCheck.of(parsed).problems());
    }
    return parsed.job();
  }

  /** A top-level key of the body, matched case-insensitively. */
  private static Optional<JsonNode> field(ObjectNode body, String name) {
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
