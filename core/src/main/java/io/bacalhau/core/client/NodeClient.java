package io.bacalhau.core.client;

import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.SpecConfig;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What client commands ask of a node. The embedded node in this process is one answer; a REST
 * client to a remote node is another.
 */
public interface NodeClient extends AutoCloseable {

  SubmitResult submit(Job job, boolean force);

  /** A job by name, ID or unique ID prefix. */
  Job job(String idOrName, String namespace);

  JobDetails describe(String idOrName, String namespace, long version);

  List<Job> list(JobQuery query);

  List<JobHistory> history(String jobId, HistoryQuery query);

  /** Executions of a job, oldest first; {@code version} 0 means all versions. */
  List<Execution> executions(String jobId, long version);

  /** A page of a job's executions ({@code job executions} with its list flags). */
  List<Execution> executions(String jobId, ExecutionQuery query);

  List<Job> versions(String jobId);

  /**
   * What the completed executions of a job's latest version published, for {@code job get}. Only
   * batch and ops jobs have results.
   */
  List<SpecConfig> results(String idOrName, String namespace);

  /**
   * Downloads what {@link #results} returned into {@code out}, as {@code job get} does: each
   * execution's results merged into one folder, or kept apart with {@code raw}.
   *
   * @param stallTimeout how long a download may go without receiving anything
   */
  void download(List<SpecConfig> results, Path out, boolean raw, Duration stallTimeout)
      throws Exception;

  /** Stops a job; returns the evaluation ID, or "" when it was already over. */
  String stop(String idOrName, String namespace, String reason);

  SubmitResult rerun(String idOrName, String namespace, long version, String reason);

  /**
   * Copies an execution's output: stdout to {@code out}, stderr to {@code err}; with {@code
   * follow}, keeps copying until the execution ends.
   */
  default void logs(
      String jobId, String executionId, boolean follow, OutputStream out, OutputStream err)
      throws InterruptedException {
    logs(jobId, executionId, follow, false, out, err);
  }

  /**
   * Like {@link #logs(String, String, boolean, OutputStream, OutputStream)}; with {@code tail} only
   * what the execution writes from now on is copied (the API's {@code tail} parameter).
   */
  void logs(
      String jobId,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException;

  /**
   * How {@code job} (looked up by its name and namespace) differs from the stored job of that name,
   * for {@code job run --dry-run} and {@code PUT /jobs/diff}; not found when no job has the name.
   */
  JobDiff diff(Job job);

  /** The nodes the orchestrator knows, ordered by ID; for now the one node of this process. */
  List<NodeState> nodes();

  /** What the node answering this client advertises ({@code agent node}). */
  NodeInfo nodeInfo();

  /**
   * Approves, rejects or deletes a node ({@code action} is {@code approve}, {@code reject} or
   * {@code delete}; the ID may be a prefix). Fails with a structured error when the action does not
   * apply, as approving an approved node does.
   */
  void updateNode(String nodeId, String action, String message);

  /** Whether the node answers ({@code agent alive}): its status, {@code OK} when it is well. */
  String agentAlive();

  /** The Bacalhau version of the node answering this client ({@code agent version}). */
  BuildVersionInfo agentVersion();

  /**
   * The node's whole effective configuration, every secret (tokens, passwords, API keys) masked
   * ({@code agent config}).
   */
  Map<String, Object> agentConfig();

  /** Blocks until something changes on the node, or the timeout passes. */
  void awaitChange(Duration timeout) throws InterruptedException;

  /**
   * Blocks until job {@code jobId} changes on the node, or the timeout passes; a node that cannot
   * tell one job's changes from another's returns on any change.
   */
  default void awaitChange(String jobId, Duration timeout) throws InterruptedException {
    awaitChange(timeout);
  }

  @Override
  void close();
}
