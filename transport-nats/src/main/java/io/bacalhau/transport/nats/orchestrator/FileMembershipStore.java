package io.bacalhau.transport.nats.orchestrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The nodes in one JSON file ({@code <DataDir>/orchestrator/nodes.json}, Bacalhau's node JSON plus
 * our {@code StartTime}: the start time of the node's process at its last handshake), replaced
 * atomically on every change, so that a crash leaves either the old or the new list and never half
 * of one. A file is enough: there are a few nodes, changes are rare (joins, approvals, disconnects;
 * not heartbeats), and the job store stays core's alone. A file written before StartTime was kept
 * loads with no start times: the first handshake of each node sets them.
 */
public final class FileMembershipStore implements MembershipStore {
  private static final ObjectMapper JSON = Codecs.json();
  private static final String START_TIME = "StartTime";

  private final Path file;

  public FileMembershipStore(Path file) {
    this.file = file;
  }

  @Override
  public List<KnownNode> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      JsonNode saved = JSON.readTree(file.toFile());
      if (saved == null || !saved.isArray()) {
        throw new IOException("expected a JSON array of nodes");
      }
      List<KnownNode> nodes = new ArrayList<>();
      for (JsonNode element : saved) {
        if (!(element instanceof ObjectNode node)) {
          throw new IOException("expected each node to be a JSON object, got " + element);
        }
        JsonNode start = node.remove(START_TIME);
        nodes.add(
            new KnownNode(
                JSON.treeToValue(node, NodeState.class),
                start == null || start.isNull() ? null : JSON.treeToValue(start, Instant.class)));
      }
      return nodes;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read the orchestrator's node list "
              + file
              + ": "
              + e.getMessage()
              + "; move it away to start with no known nodes (they join again, approved or pending"
              + " as Orchestrator.NodeManager.ManualApproval says)",
          e);
    }
  }

  @Override
  public synchronized void save(Collection<KnownNode> nodes) {
    ArrayNode list = JSON.createArrayNode();
    for (KnownNode n : nodes) {
      ObjectNode node = JSON.valueToTree(n.state());
      if (n.startTime() != null) {
        node.set(START_TIME, JSON.valueToTree(n.startTime()));
      }
      list.add(node);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), list);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the orchestrator's node list " + file, e);
    }
  }
}
