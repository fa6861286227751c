package io.bacalhau.transport.nats.orchestrator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.NodeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The nodes in one JSON file ({@code <DataDir>/orchestrator/nodes.json}, Bacalhau's node JSON),
 * replaced atomically on every change, so that a crash leaves either the old or the new list and
 * never half of one. A file is enough: there are a few nodes, changes are rare (joins, approvals,
 * disconnects; not heartbeats), and the job store stays core's alone.
 */
public final class FileMembershipStore implements MembershipStore {
  private static final ObjectMapper JSON = Codecs.json();
  private static final TypeReference<List<NodeState>> LIST = new TypeReference<>() {};

  private final Path file;

  public FileMembershipStore(Path file) {
    this.file = file;
  }

  @Override
  public List<NodeState> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), LIST);
    } catch (IOException e) {
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
  public synchronized void save(Collection<NodeState> nodes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new ArrayList<>(nodes));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the orchestrator's node list " + file, e);
    }
  }
}
