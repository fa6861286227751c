package io.bacalhau.core.identity;

import io.bacalhau.core.version.BuildInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who sends the events: the resource attributes of every record. The node ID is hashed; the
 * installation ID is per user and the instance ID per data dir, both random and meaningless.
 *
 * @param nodeType {@code hybrid}, {@code orchestrator} or {@code compute}; a local node is both
 */
public record NodeIdentity(
    String installationId,
    String instanceId,
    String nodeIdHash,
    String nodeType,
    String nodeVersion) {

  /** Our nodes always run an orchestrator and a compute node together. */
  public static final String HYBRID = "hybrid";

  /** The identity of the node on this data dir, for this user. */
  public static NodeIdentity of(Path dataDir, String nodeId, Map<String, String> env) {
    SystemMetadata metadata = SystemMetadata.loadOrCreate(dataDir);
    String node = nodeId == null || nodeId.isBlank() ? metadata.nodeName() : nodeId;
    return new NodeIdentity(
        InstallationId.loadOrCreate(env),
        metadata.instanceId(),
        Hashing.sha256(node),
        HYBRID,
        BuildInfo.current().version());
  }

  /**
   * The identity as it stands, creating nothing: an installation ID that was never made (analytics
   * never ran for this user) shows as empty.
   */
  public static NodeIdentity peek(Path dataDir, Map<String, String> env) {
    SystemMetadata metadata = SystemMetadata.loadOrCreate(dataDir);
    return new NodeIdentity(
        InstallationId.peek(env),
        metadata.instanceId(),
        Hashing.sha256(metadata.nodeName()),
        HYBRID,
        BuildInfo.current().version());
  }

  /** The resource attributes, named as Bacalhau names them. */
  public Map<String, String> attributes() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("installation_id", installationId);
    m.put("instance_id", instanceId);
    m.put("node_id_hash", nodeIdHash);
    m.put("node_type", nodeType);
    m.put("node_version", nodeVersion);
    return m;
  }
}
