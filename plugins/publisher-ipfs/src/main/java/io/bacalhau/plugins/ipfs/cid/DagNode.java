package io.bacalhau.plugins.ipfs.cid;

import java.util.List;

/**
 * A dag-pb node: links (hash, name, cumulative size) then data, encoded as go and js IPFS do (links
 * before data, the name written even when empty).
 */
record DagNode(List<Link> links, byte[] data) {

  /** A link to a child block; {@code tsize} is the child's block plus everything below it. */
  record Link(Cid cid, String name, long tsize) {}

  byte[] encode() {
    Protobuf node = new Protobuf();
    for (Link link : links) {
      byte[] encodedLink =
          new Protobuf()
              .bytes(1, link.cid().bytes())
              .bytes(2, link.name().getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .uint(3, link.tsize())
              .toByteArray();
      node.bytes(2, encodedLink);
    }
    node.bytes(1, data);
    return node.toByteArray();
  }

  /** UnixFS file data: a leaf with bytes, or an inner node with its children's sizes. */
  static byte[] fileData(byte[] content, long fileSize, List<Long> blockSizes) {
    Protobuf unixfs = new Protobuf().uint(1, 2);
    if (content.length > 0) {
      unixfs.bytes(2, content);
    }
    unixfs.uint(3, fileSize);
    for (long size : blockSizes) {
      unixfs.uint(4, size);
    }
    return unixfs.toByteArray();
  }

  /** UnixFS directory data: the type and nothing else. */
  static byte[] directoryData() {
    return new Protobuf().uint(1, 1).toByteArray();
  }
}
