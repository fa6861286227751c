package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobDetails;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.PagingToken;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.LabelSelectors;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.SpecConfig;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client API over a node's REST API ({@code /api/v1/orchestrator}), in Bacalhau's request and
 * response shapes, so that it talks to any Bacalhau node as well as to {@code bacalhau serve}.
 */
public final class HttpNodeClient implements NodeClient {
  private static final String JOBS = "/orchestrator/jobs";
  private static final String NODES = "/orchestrator/nodes";
  private static final Duration POLL = Duration.ofMillis(250);
  private final PollBackoff backoff = new PollBackoff(POLL);

  private final ApiTransport api;
  private final ResultDownload downloads;

  /**
   * @param downloads fetches published results on this machine (the node only says where they are)
   */
  public HttpNodeClient(ApiEndpoint endpoint, ResultDownload downloads) {
    this.api = new ApiTransport(endpoint);
    this.downloads = downloads;
  }

  /** How {@code job get} fetches what executions published, given where the node says it is. */
  @FunctionalInterface
  public interface ResultDownload {
    void download(List<SpecConfig> results, Path out, boolean raw, Duration stallTimeout)
        throws Exception;
  }

  public ApiEndpoint endpoint() {
    return api.endpoint();
  }

  /**
   * The node's version ({@code GitVersion} of {@code /agent/version}), or empty when it does not
   * answer within {@code timeout}.
   */
  public Optional<String> serverVersion(Duration timeout) {
    try {
      String v = api.get("/agent/version", Map.of(), timeout).path("GitVersion").asText("");
      return v.isEmpty() ? Optional.empty() : Optional.of(v);
    } catch (BacalhauException unanswered) {
      return Optional.empty();
    }
  }

  @Override
  public SubmitResult submit(Job job, boolean force) {
    ObjectNode body = Codecs.json().createObjectNode();
    body.set("Job", Codecs.json().valueToTree(job));
    body.put("Force", force);
    JsonNode answer = api.put(JOBS, body);
    String jobId = answer.path("JobID").asText();
    // Bacalhau's answer has no version: 0, unknown until the job is read (a waiter reads it at
    // once anyway), which saves every submission a round trip.
    long version = Math.max(0, answer.path("JobVersion").asLong(0));
    return new SubmitResult(
        jobId, answer.path("EvaluationID").asText(), version, strings(answer.path("Warnings")));
  }

  @Override
  public Job job(String idOrName, String namespace) {
    JsonNode answer = api.get(jobPath(idOrName), namespace(namespace));
    return api.read(answer.path("Job"), JobJson::read);
  }

  @Override
  public JobDetails describe(String idOrName, String namespace, long version) {
    Map<String, String> query = new LinkedHashMap<>(namespace(namespace));
    query.put("include", "history,executions");
    if (version > 0) {
      query.put("job_version", Long.toString(version));
    }
    JsonNode answer = api.get(jobPath(idOrName), query);
    Job job = api.read(answer.path("Job"), JobJson::read);
    List<Execution> executions =
        items(answer.path("Executions"), Execution.class).stream()
            .filter(e -> e.jobVersion() == job.version())
            .toList();
    List<JobHistory> history = items(answer.path("History"), JobHistory.class);
    return new JobDetails(job, executions, history);
  }

  @Override
  public List<Job> list(JobQuery query) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("namespace", query.namespace().isEmpty() ? "*" : query.namespace());
    // One labels= per requirement, as Bacalhau's client sends them.
    q.put("labels", query.labels().stream().map(LabelSelectors::format).toList());
    q.put("order_by", query.orderBy());
    q.put("reverse", Boolean.toString(query.reverse()));
    if (query.limit() > 0) {
      q.put("limit", Integer.toString(query.limit()));
    }
    if (query.offset() > 0) {
      q.put(
          "next_token",
          new PagingToken(query.orderBy(), query.reverse(), query.limit(), query.offset())
              .encode());
    }
    return jobs(api.get(JOBS, q));
  }

  @Override
  public List<JobHistory> history(String jobId, HistoryQuery query) {
    Map<String, String> q = new LinkedHashMap<>();
    if (query.allVersions()) {
      q.put("all_job_versions", "true");
    } else if (query.jobVersion() > 0) {
      q.put("job_version", Long.toString(query.jobVersion()));
    }
    q.put("event_type", query.eventType());
    if (!query.executionIdPrefix().isEmpty()) {
      q.put("execution_id", query.executionIdPrefix());
    }
    pageOf(
        q,
        query.limit(),
        query.reverse(),
        query.afterSeq() > 0
            ? PagingToken.afterSeq(query.afterSeq(), query.limit(), query.reverse())
            : null);
    List<JobHistory> all = items(api.get(jobPath(jobId) + "/history", q), JobHistory.class);
    // Also when the node pages otherwise (Bacalhau's tokens are its own): only what follows.
    return all.stream().filter(h -> query.follows(h.seqNum())).toList();
  }

  @Override
  public List<Execution> executions(String jobId, ExecutionQuery query) {
    Map<String, String> q = new LinkedHashMap<>();
    if (query.allVersions()) {
      q.put("all_job_versions", "true");
    } else if (query.jobVersion() > 0) {
      q.put("job_version", Long.toString(query.jobVersion()));
    }
    q.put("order_by", query.orderBy());
    pageOf(
        q,
        query.limit(),
        query.reverse(),
        query.offset() > 0
            ? new PagingToken(query.orderBy(), query.reverse(), query.limit(), query.offset())
            : null);
    return items(api.get(jobPath(jobId) + "/executions", q), Execution.class);
  }

  /**
   * The list parameters. A page past the first is asked for with a token in Bacalhau's shape, the
   * one every Bacalhau server (ours and Go's) hands out and reads back; it names the same order and
   * size as the parameters sent beside it.
   */
  private static void pageOf(
      Map<String, String> q, int limit, boolean reverse, PagingToken startAt) {
    q.put("reverse", Boolean.toString(reverse));
    if (limit > 0) {
      q.put("limit", Integer.toString(limit));
    }
    if (startAt != null) {
      q.put("next_token", startAt.encode());
    }
  }

  @Override
  public List<Execution> executions(String jobId, long version) {
    Map<String, String> q = new LinkedHashMap<>();
    if (version > 0) {
      q.put("job_version", Long.toString(version));
    } else {
      q.put("all_job_versions", "true");
    }
    return items(api.get(jobPath(jobId) + "/executions", q), Execution.class);
  }

  @Override
  public List<Job> versions(String jobId) {
    return jobs(api.get(jobPath(jobId) + "/versions", Map.of()));
  }

  @Override
  public List<SpecConfig> results(String idOrName, String namespace) {
    return items(api.get(jobPath(idOrName) + "/results", namespace(namespace)), SpecConfig.class);
  }

  @Override
  public void download(List<SpecConfig> results, Path out, boolean raw, Duration stallTimeout)
      throws Exception {
    downloads.download(results, out, raw, stallTimeout);
  }

  @Override
  public String stop(String idOrName, String namespace, String reason) {
    Map<String, String> q = new LinkedHashMap<>(namespace(namespace));
    q.put("reason", reason);
    return api.delete(jobPath(idOrName), q).path("EvaluationID").asText("");
  }

  @Override
  public SubmitResult rerun(String idOrName, String namespace, long version, String reason) {
    ObjectNode body = Codecs.json().createObjectNode();
    body.put("JobVersion", version);
    body.put("Reason", reason == null ? "" : reason);
    String path = jobPath(idOrName) + "/rerun";
    JsonNode answer =
        api.put(path + (namespace.isEmpty() ? "" : "?namespace=" + encode(namespace)), body);
    return new SubmitResult(
        answer.path("JobID").asText(),
        answer.path("EvaluationID").asText(),
        answer.path("JobVersion").asLong(),
        strings(answer.path("Warnings")));
  }

  @Override
  public void logs(
      String jobId,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    LogStream.copy(api, jobPath(jobId) + "/logs", executionId, follow, tail, out, err);
  }

  @Override
  public JobDiff diff(Job job) {
    ObjectNode body = Codecs.json().createObjectNode();
    body.set("Job", Codecs.json().valueToTree(job));
    JsonNode answer = api.put(JOBS + "/diff", body);
    return new JobDiff(answer.path("Diff").asText(""), strings(answer.path("Warnings")));
  }

  @Override
  public List<NodeState> nodes() {
    JsonNode answer = api.get(NODES, Map.of());
    List<NodeState> nodes = new ArrayList<>();
    answer.path("Nodes").forEach(n -> nodes.add(api.read(n, NodeState.class)));
    return nodes;
  }

  @Override
  public NodeInfo nodeInfo() {
    return api.read(api.get("/agent/node", Map.of()), NodeInfo.class);
  }

  @Override
  public void updateNode(String nodeId, String action, String message) {
    ObjectNode body = Codecs.json().createObjectNode();
    body.put("NodeID", nodeId);
    body.put("Action", action);
    body.put("Message", message == null ? "" : message);
    api.put(NODES + "/" + encode(nodeId), body);
  }

  @Override
  public String agentAlive() {
    return api.get("/agent/alive", Map.of()).path("Status").asText("");
  }

  /** Read field by field: a node may write its build date as "" or in a form of its own. */
  @Override
  public BuildVersionInfo agentVersion() {
    JsonNode v = api.get("/agent/version", Map.of());
    return new BuildVersionInfo(
        v.path("Major").asText(""),
        v.path("Minor").asText(""),
        v.path("GitVersion").asText(""),
        v.path("GitCommit").asText(""),
        BuildVersionInfo.parseDate(v.path("BuildDate").asText("")),
        v.path("GOOS").asText(""),
        v.path("GOARCH").asText(""));
  }

  @Override
  public Map<String, Object> agentConfig() {
    JsonNode config = api.get("/agent/config", Map.of()).path("config");
    Map<String, Object> tree = new LinkedHashMap<>();
    config
        .properties()
        .forEach(e -> tree.put(e.getKey(), Codecs.json().convertValue(e.getValue(), Object.class)));
    return tree;
  }

  /** A remote node's changes are not pushed to us: wait a little, then the caller reads again. */
  @Override
  public void awaitChange(Duration timeout) throws InterruptedException {
    Thread.sleep(Math.max(1, Math.min(timeout.toMillis(), POLL.toMillis())));
  }

  /** As above, but a job just submitted is looked at again soon, then less and less often. */
  @Override
  public void awaitChange(String jobId, Duration timeout) throws InterruptedException {
    Thread.sleep(Math.max(1, backoff.next(jobId, timeout).toMillis()));
  }

  @Override
  public void close() {
    api.close();
  }

  private static String jobPath(String idOrName) {
    return JOBS + "/" + encode(idOrName);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Map<String, String> namespace(String namespace) {
    return namespace == null || namespace.isEmpty() ? Map.of() : Map.of("namespace", namespace);
  }

  /** {@code {"Items": [...]}} (or a bare list, as some nodes answer) as records. */
  private <T> List<T> items(JsonNode answer, Class<T> type) {
    JsonNode list = answer.isArray() ? answer : answer.path("Items");
    List<T> items = new ArrayList<>();
    list.forEach(n -> items.add(api.read(n, type)));
    return items;
  }

  /** Jobs are read without databind ({@link JobJson}): they are what thin clients read most. */
  private List<Job> jobs(JsonNode answer) {
    JsonNode list = answer.isArray() ? answer : answer.path("Items");
    List<Job> jobs = new ArrayList<>();
    list.forEach(n -> jobs.add(api.read(n, JobJson::read)));
    return jobs;
  }

  private static List<String> strings(JsonNode list) {
    List<String> all = new ArrayList<>();
    list.forEach(n -> all.add(n.asText()));
    return all;
  }
}
