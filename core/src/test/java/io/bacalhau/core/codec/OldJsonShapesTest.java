package io.bacalhau.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NetworkType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.Resources;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The job store keeps models as JSON, so rows written before the models took Bacalhau's shapes, and
 * JSON written by Bacalhau itself, still read back to the same models.
 */
class OldJsonShapesTest {
  static <T> T read(String json, Class<T> type) throws JsonProcessingException {
    return Codecs.json().readValue(json, type);
  }

  @Test
  void anExecutionStoredWithFlatAllocatedResourcesStillReads() throws JsonProcessingException {
    // As the store wrote executions before: empty keys left out, resources not keyed by task.
    Execution e =
        read(
            "{\"ID\":\"e-1\",\"Namespace\":\"default\",\"NodeID\":\"n-1\",\"JobID\":\"j-1\","
                + "\"JobVersion\":1,\"AllocatedResources\":{\"CPU\":0.5,\"Memory\":536870912,"
                + "\"Disk\":0,\"GPU\":0},\"DesiredState\":{\"StateType\":1},"
                + "\"ComputeState\":{\"StateType\":6},\"PublishedResult\":{},\"Revision\":3,"
                + "\"CreateTime\":1,\"ModifyTime\":2}",
            Execution.class);
    assertEquals(
        Map.of(AllocatedResources.LEGACY_TASK, new Resources(0.5, 536870912, 0, 0)),
        e.allocatedResources().tasks());
    assertEquals(new Resources(0.5, 536870912, 0, 0), e.allocatedResources().total());
    assertEquals(ExecutionStateType.RUNNING, e.computeStateType());
    assertEquals("", e.evalId());
    assertNull(e.runOutput());
  }

  @Test
  void anExecutionInBacalhausShapeReadsAndWritesBackTheSame() throws JsonProcessingException {
    String bacalhau =
        "{\"ID\":\"e-1\",\"Namespace\":\"default\",\"EvalID\":\"v-1\",\"Name\":\"n\","
            + "\"NodeID\":\"n-1\",\"JobID\":\"j-1\",\"JobVersion\":2,"
            + "\"AllocatedResources\":{\"Tasks\":{\"resize\":{\"CPU\":2,\"Memory\":1024}}},"
            + "\"DesiredState\":{\"StateType\":2,\"Message\":\"execution completed\"},"
            + "\"ComputeState\":{\"StateType\":9},\"PublishedResult\":{\"Type\":\"\"},"
            + "\"RunOutput\":{\"Stdout\":\"15\\n\",\"StdoutTruncated\":false,\"stderr\":\"oops\","
            + "\"StderrTruncated\":false,\"ExitCode\":0,\"ErrorMsg\":\"\"},"
            + "\"PreviousExecution\":\"\",\"NextExecution\":\"\",\"FollowupEvalID\":\"\","
            + "\"PartitionIndex\":1,\"Revision\":6,\"CreateTime\":1,\"ModifyTime\":2}";
    Execution e = read(bacalhau, Execution.class);
    assertEquals(new Resources(2, 1024, 0, 0), e.allocatedResources().tasks().get("resize"));
    assertEquals(ExecutionDesiredStateType.STOPPED, e.desiredStateType());
    assertEquals("oops", e.runOutput().stderr());
    assertEquals(1, e.partitionIndex());
    assertEquals(bacalhau, Codecs.json().writeValueAsString(e));
  }

  @Test
  void keysInAnotherCaseAndStateNamesInsteadOfNumbersRead() throws JsonProcessingException {
    Execution e =
        read(
            "{\"id\":\"e-1\",\"allocatedresources\":{\"tasks\":{\"main\":{\"cpu\":1}}},"
                + "\"computestate\":{\"statetype\":\"Completed\"},"
                + "\"runoutput\":{\"STDERR\":\"x\"}}",
            Execution.class);
    assertEquals(1.0, e.allocatedResources().total().cpu());
    assertEquals(ExecutionStateType.COMPLETED, e.computeStateType());
    assertEquals("x", e.runOutput().stderr());
  }

  @Test
  void aJobStoredWithoutItsEmptyKeysReadsAsTheJobWrittenWithThem() throws JsonProcessingException {
    String old =
        "{\"ID\":\"j-1\",\"Name\":\"n\",\"Namespace\":\"default\",\"Type\":\"batch\","
            + "\"Priority\":0,\"Count\":1,\"Tasks\":[{\"Name\":\"main\",\"Engine\":{\"Type\":"
            + "\"noop\"},\"Publisher\":{},\"Resources\":{\"CPU\":\"500m\"},\"Network\":{},"
            + "\"Timeouts\":{}}],\"State\":{\"StateType\":\"Completed\"},\"Version\":1,"
            + "\"Revision\":4,\"CreateTime\":1,\"ModifyTime\":2}";
    Job job = read(old, Job.class);
    assertEquals(NetworkType.DEFAULT, job.task().network().networkType());
    assertEquals(job, read(Codecs.json().writeValueAsString(job), Job.class));
  }

  @Test
  void nodeMembershipAndConnectionReadAsNamesOrBacalhausNumbers() throws JsonProcessingException {
    NodeState byName =
        read("{\"Membership\":\"approved\",\"Connection\":\"CONNECTED\"}", NodeState.class);
    assertEquals(NodeMembership.APPROVED, byName.membership());
    assertEquals(NodeConnection.CONNECTED, byName.connection());
    NodeState byNumber = read("{\"Membership\":2,\"Connection\":1}", NodeState.class);
    assertEquals(NodeMembership.APPROVED, byNumber.membership());
    assertEquals(NodeConnection.DISCONNECTED, byNumber.connection());
  }
}
