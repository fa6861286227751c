package io.bacalhau.core.config;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Bounds what a config file may hold once its YAML aliases are expanded. SnakeYAML caps how many
 * aliases a file uses, not what they add up to: 24 anchors that each point twice at the one before
 * make 2^24 settings, and everything that walks the tree (the reader, its line index, a map value
 * turned into text) would run for hours. Go's yaml.v3 refuses such files as "excessive aliasing".
 */
final class ExpandedSize {
  /** Far above any real file (the default one has about 150 keys, labels a few hundred). */
  static final int MAX_VALUES = 100_000;

  private ExpandedSize() {}

  /** Whether the document, aliases followed, holds more than {@link #MAX_VALUES} values. */
  static boolean tooLarge(Node root) {
    return count(root, 0) > MAX_VALUES;
  }

  /** Counts up to just past the limit and stops, so a self-referencing alias ends too. */
  private static int count(Node node, int seen) {
    if (node == null || seen > MAX_VALUES) {
      return seen;
    }
    seen++;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        seen = count(tuple.getValueNode(), count(tuple.getKeyNode(), seen));
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        seen = count(item, seen);
      }
    }
    return seen;
  }
}
