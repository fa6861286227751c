package io.bacalhau.core.spi.analytics;

import io.bacalhau.core.identity.NodeIdentity;
import io.bacalhau.core.spi.ProviderContext;
import java.util.Map;

/**
 * Who the node is, as a sink labels what it sends: {@code installation_id} (one per user), {@code
 * instance_id} (one per data dir), {@code node_id_hash} (the node ID, hashed), {@code node_type}
 * and {@code node_version}, named as Bacalhau names them. The IDs are random and mean nothing
 * outside analytics.
 */
public final class NodeAttributes {
  private NodeAttributes() {}

  /**
   * The attributes of the node hosting {@code context}. Ask only when about to send: the first call
   * creates the user's installation ID, which must not exist while analytics never ran.
   */
  public static Map<String, String> of(ProviderContext context) {
    return NodeIdentity.of(context.dataDir(), context.nodeId(), context.hostEnv()).attributes();
  }
}
