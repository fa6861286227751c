package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.compute.ExecutionFolders;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.LogStreamWire;
import io.bacalhau.core.node.NodeDirectory;
import io.bacalhau.core.node.RemoteExecutionLogs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute node's log route on its results listener, read by the orchestrator's {@link
 * RemoteExecutionLogs}: a follow gets every byte once, in order, across the node's stream ending
 * before the orchestrator sees the execution end and across the listener going away and coming
 * back; a reader without the cluster token gets nothing.
 */
class ComputeLogStreamTest {
  private static final String TOKEN = "t0ken";

  @TempDir Path dir;
  private final AtomicBoolean runningOnNode = new AtomicBoolean(true);
  private ResultFileServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aFollowGetsEveryByteOnceAcrossAListenerRestart() throws Exception {
    Path executions = dir.resolve("executions");
    Path logs = ExecutionFolders.results(executions, "e-1");
    Files.createDirectories(logs);
    server = start(executions, 0);
    int port = server.port();
    AtomicBoolean endedForOrchestrator = new AtomicBoolean(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RemoteExecutionLogs reader = new RemoteExecutionLogs(directory(port), TOKEN);
    Thread follower =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    reader.copy(execution(), true, false, endedForOrchestrator::get, out, err);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    StringBuilder expected = new StringBuilder();
    append(logs, "stdout", "before-restart\n", expected);
    Files.writeString(logs.resolve("stderr"), "warn\n");
    awaitSize(out, expected.length());

    server.close();
    append(logs, "stdout", "while-down\n", expected);
    server = start(executions, port);
    append(logs, "stdout", "after-restart\n", expected);
    // The node is done before the orchestrator hears of it: the reader asks again, repeats nothing.
    runningOnNode.set(false);
    Thread.sleep(500);
    append(logs, "stdout", "last\n", expected);
    endedForOrchestrator.set(true);
    follower.join(30_000);

    assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    assertEquals("warn\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void tailStartsAtTheEndOfWhatTheNodeHas() throws Exception {
    Path executions = dir.resolve("executions");
    Path logs = ExecutionFolders.results(executions, "e-1");
    Files.createDirectories(logs);
    Files.writeString(logs.resolve("stdout"), "old\n");
    server = start(executions, 0);
    runningOnNode.set(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RemoteExecutionLogs(directory(server.port()), TOKEN)
        .copy(execution(), false, true, () -> true, out, new ByteArrayOutputStream());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    new RemoteExecutionLogs(directory(server.port()), TOKEN)
        .copy(execution(), false, false, () -> true, out, new ByteArrayOutputStream());
    assertEquals("old\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aReaderWithoutTheClusterTokenIsRefused() throws Exception {
    Path executions = dir.resolve("executions");
    Files.createDirectories(ExecutionFolders.results(executions, "e-1"));
    server = start(executions, 0);
    RemoteExecutionLogs reader = new RemoteExecutionLogs(directory(server.port()), "wrong");
    BacalhauException refused =
        assertThrows(
            BacalhauException.class,
            () ->
                reader.copy(
                    execution(),
                    false,
                    false,
                    () -> true,
                    new ByteArrayOutputStream(),
                    new ByteArrayOutputStream()));
    assertEquals(ErrorCode.UNAUTHORIZED, refused.code(), refused.getMessage());
  }

  private ResultFileServer start(Path executions, int port) throws Exception {
    Files.createDirectories(dir.resolve("published"));
    return ResultFileServer.start(
        "127.0.0.1",
        port,
        dir.resolve("published"),
        new ComputeLogs(
            TOKEN,
            (id, outFrom, errFrom, follow, body) ->
                LogStreamWire.serve(
                    executions, id, outFrom, errFrom, follow, () -> !runningOnNode.get(), body)));
  }

  private static void append(Path logs, String name, String text, StringBuilder expected)
      throws Exception {
    Files.writeString(
        logs.resolve(name), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    expected.append(text);
  }

  private static void awaitSize(ByteArrayOutputStream out, int size) throws InterruptedException {
    for (int i = 0; i < 200 && out.size() < size; i++) {
      Thread.sleep(50);
    }
    assertEquals(size, out.size(), "the follower did not get the first output");
  }

  private static NodeDirectory directory(int port) {
    NodeInfo info =
        new NodeInfo(
            "n-remote",
            NodeType.COMPUTE,
            Map.of(),
            List.of(),
            ComputeNodeInfo.idle(List.of("noop"), List.of(), List.of(), Resources.ZERO)
                .withAddress("http://127.0.0.1:" + port),
            null);
    NodeState state = new NodeState(info, NodeMembership.APPROVED, NodeConnection.CONNECTED, null);
    return new NodeDirectory() {
      @Override
      public List<NodeState> nodes() {
        return List.of(state);
      }

      @Override
      public List<NodeInfo> candidates() {
        return List.of(info);
      }

      @Override
      public void update(String nodeIdOrPrefix, String action, String message) {}

      @Override
      public void addListener(Listener listener) {}
    };
  }

  private static Execution execution() {
    return new Execution(
        "e-1",
        "default",
        "ev-1",
        "",
        "n-remote",
        "j-1",
        null,
        1,
        AllocatedResources.NONE,
        State.of(ExecutionDesiredStateType.RUNNING),
        State.of(ExecutionStateType.RUNNING),
        SpecConfig.EMPTY,
        null,
        "",
        "",
        "",
        0,
        1,
        0,
        0);
  }
}
