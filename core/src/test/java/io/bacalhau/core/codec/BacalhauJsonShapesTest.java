package io.bacalhau.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.ConnectionState;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobHistoryType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The models' JSON is Bacalhau's, key for key (its Go structs' tags and omitempty rules), because
 * its Python SDK, web UI and users' scripts read our API and our {@code --output json}.
 */
class BacalhauJsonShapesTest {
  static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

  static String json(Object value) throws JsonProcessingException {
    return Codecs.json().writeValueAsString(value);
  }

  static Job job() {
    return Job.builder()
        .id("j-1")
        .name("n")
        .namespace("default")
        .type("batch")
        .count(1)
        .task(
            Task.builder()
                .engine(SpecConfig.of("docker", Map.of("Image", "busybox")))
                .resources(new ResourcesConfig("500m", "512mb", "", ""))
                .build())
        .state(State.of(JobStateType.COMPLETED))
        .version(1)
        .revision(4)
        .createTime(1735787045000000000L)
        .modifyTime(1735787049000000000L)
        .build();
  }

  @Test
  void jobWritesEveryKeyAndTaskWritesItsUnsetObjects() throws JsonProcessingException {
    assertEquals(
        "{\"ID\":\"j-1\",\"Name\":\"n\",\"Namespace\":\"default\",\"Type\":\"batch\","
            + "\"Priority\":0,\"Count\":1,\"Constraints\":[],\"Meta\":{},\"Labels\":{},"
            + "\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
            + "\"Params\":{\"Image\":\"busybox\"}},\"Publisher\":{\"Type\":\"\"},"
            + "\"Resources\":{\"CPU\":\"500m\",\"Memory\":\"512mb\"},"
            + "\"Network\":{\"Type\":\"Default\"},\"Timeouts\":{}}],"
            + "\"State\":{\"StateType\":\"Completed\"},\"Version\":1,\"Revision\":4,"
            + "\"CreateTime\":1735787045000000000,\"ModifyTime\":1735787049000000000}",
        json(job()));
  }

  @Test
  void networkTypeIsWrittenByItsCanonicalName() throws JsonProcessingException {
    Task task =
        Task.builder()
            .engine(SpecConfig.of("noop"))
            .network(new io.bacalhau.core.models.NetworkConfig("http", List.of("a.org"), null))
            .build();
    assertEquals(
        "{\"Type\":\"HTTP\",\"Domains\":[\"a.org\"]}",
        Codecs.json().valueToTree(task).get("Network").toString());
  }

  static Execution execution(int partition, RunCommandResult output) {
    return Execution.builder()
        .id("e-1")
        .namespace("default")
        .evalId("v-1")
        .name("n")
        .nodeId("n-1")
        .jobId("j-1")
        .jobVersion(1)
        .allocatedResources(AllocatedResources.of("main", new Resources(0.5, 536870912, 0, 0)))
        .desiredState(State.of(ExecutionDesiredStateType.STOPPED, "execution completed"))
        .computeState(State.of(ExecutionStateType.COMPLETED))
        .runOutput(output)
        .partitionIndex(partition)
        .revision(6)
        .createTime(1)
        .modifyTime(2)
        .build();
  }

  @Test
  void executionWritesEveryKeyButJobAndAZeroPartitionIndex() throws JsonProcessingException {
    assertEquals(
        "{\"ID\":\"e-1\",\"Namespace\":\"default\",\"EvalID\":\"v-1\",\"Name\":\"n\","
            + "\"NodeID\":\"n-1\",\"JobID\":\"j-1\",\"JobVersion\":1,"
            + "\"AllocatedResources\":{\"Tasks\":{\"main\":{\"CPU\":0.5,\"Memory\":536870912}}},"
            + "\"DesiredState\":{\"StateType\":2,\"Message\":\"execution completed\"},"
            + "\"ComputeState\":{\"StateType\":9},\"PublishedResult\":{\"Type\":\"\"},"
            + "\"RunOutput\":{\"Stdout\":\"15\\n\",\"StdoutTruncated\":false,\"stderr\":\"\","
            + "\"StderrTruncated\":false,\"ExitCode\":0,\"ErrorMsg\":\"\"},"
            + "\"PreviousExecution\":\"\",\"NextExecution\":\"\",\"FollowupEvalID\":\"\","
            + "\"Revision\":6,\"CreateTime\":1,\"ModifyTime\":2}",
        json(execution(0, RunCommandResult.success("15\n", "", 0))));
  }

  @Test
  void executionWritesAPartitionIndexAboveZeroAndNullBeforeItRan() throws JsonProcessingException {
    String text = json(execution(2, null));
    assertEquals(2, Codecs.json().readTree(text).get("PartitionIndex").asInt(), text);
    assertEquals(true, Codecs.json().readTree(text).get("RunOutput").isNull(), text);
  }

  @Test
  void historyLeavesOutTheExecutionIdOfJobLevelEntries() throws JsonProcessingException {
    JobHistory jobLevel =
        new JobHistory(
            1,
            JobHistoryType.JOB_LEVEL,
            "j-1",
            1,
            "",
            Event.of("Submission", "Job submitted", AT),
            AT);
    assertEquals(
        "{\"SeqNum\":1,\"Type\":\"JobLevel\",\"JobID\":\"j-1\",\"JobVersion\":1,"
            + "\"Event\":{\"Message\":\"Job submitted\",\"Topic\":\"Submission\","
            + "\"Timestamp\":\"2025-01-02T03:04:05Z\"},\"Time\":\"2025-01-02T03:04:05Z\"}",
        json(jobLevel));
    JobHistory execLevel =
        new JobHistory(
            2,
            JobHistoryType.EXECUTION_LEVEL,
            "j-1",
            1,
            "e-1",
            Event.of("Execution", "Running", AT, Map.of("NewState", "Running")),
            AT);
    assertEquals(
        "{\"SeqNum\":2,\"Type\":\"ExecutionLevel\",\"JobID\":\"j-1\",\"JobVersion\":1,"
            + "\"ExecutionID\":\"e-1\",\"Event\":{\"Message\":\"Running\",\"Topic\":\"Execution\","
            + "\"Timestamp\":\"2025-01-02T03:04:05Z\",\"Details\":{\"NewState\":\"Running\"}},"
            + "\"Time\":\"2025-01-02T03:04:05Z\"}",
        json(execLevel));
  }

  @Test
  void nodeStateNestsComputeInfoAndSpellsMembershipAndConnection() throws JsonProcessingException {
    Resources max = new Resources(4, 8_000_000_000L, 100_000_000_000L, 0);
    NodeInfo info =
        new NodeInfo(
            "n-1",
            NodeType.COMPUTE,
            Map.of("name", "n-1"),
            List.of("ncl/v1"),
            new ComputeNodeInfo(
                List.of("docker"),
                List.of("local"),
                List.of("s3"),
                max,
                null,
                max,
                max,
                0,
                0,
                "127.0.0.1"),
            new BuildVersionInfo("1", "9", "v1.9.3", "abc", AT, "linux", "amd64"));
    NodeState state =
        new NodeState(info, NodeMembership.APPROVED, null, ConnectionState.connected(AT, AT));
    String cap = "{\"CPU\":4,\"Memory\":8000000000,\"Disk\":100000000000}";
    assertEquals(
        "{\"Info\":{\"NodeID\":\"n-1\",\"NodeType\":\"Compute\",\"Labels\":{\"name\":\"n-1\"},"
            + "\"SupportedProtocols\":[\"ncl/v1\"],\"ComputeNodeInfo\":{"
            + "\"ExecutionEngines\":[\"docker\"],\"Publishers\":[\"local\"],"
            + "\"StorageSources\":[\"s3\"],\"MaxCapacity\":"
            + cap
            + ",\"QueueCapacity\":{},\"AvailableCapacity\":"
            + cap
            + ",\"MaxJobRequirements\":"
            + cap
            + ",\"RunningExecutions\":0,\"EnqueuedExecutions\":0,\"address\":\"127.0.0.1\"},"
            + "\"BacalhauVersion\":{\"Major\":\"1\",\"Minor\":\"9\",\"GitVersion\":\"v1.9.3\","
            + "\"GitCommit\":\"abc\",\"BuildDate\":\"2025-01-02T03:04:05Z\",\"GOOS\":\"linux\","
            + "\"GOARCH\":\"amd64\"}},"
            + "\"Membership\":\"APPROVED\",\"Connection\":\"CONNECTED\","
            + "\"ConnectionState\":{\"Status\":\"CONNECTED\","
            + "\"LastHeartbeat\":\"2025-01-02T03:04:05Z\","
            + "\"ConnectedSince\":\"2025-01-02T03:04:05Z\","
            + "\"DisconnectedSince\":\"0001-01-01T00:00:00Z\"}}",
        json(state));
  }

  /**
   * What the GPU search said rides in ComputeNodeInfo under a key of our own, so that {@code node
   * describe} shows it embedded and remote alike; a node that did not look writes Bacalhau's keys
   * only, and the key reads back.
   */
  @Test
  void computeInfoCarriesTheGpuSearchOnlyWhenThereIsOne() throws JsonProcessingException {
    ComputeNodeInfo quiet = ComputeNodeInfo.idle(List.of(), List.of(), List.of(), Resources.ZERO);
    assertFalse(json(quiet).contains("GPUDiscovery"), json(quiet));
    ComputeNodeInfo said =
        quiet.withGpuDiscovery("0 GPUs (no nvidia-smi, rocm-smi or xpu-smi on the PATH)");
    assertTrue(
        json(said)
            .endsWith(
                ",\"GPUDiscovery\":\"0 GPUs (no nvidia-smi, rocm-smi or xpu-smi on the PATH)\"}"),
        json(said));
    assertEquals(said, Codecs.json().readValue(json(said), ComputeNodeInfo.class));
  }
}
