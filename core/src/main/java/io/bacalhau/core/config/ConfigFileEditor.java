package io.bacalhau.core.config;

import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Sets one key in a config file and leaves everything else — other keys, comments, blank lines,
 * order — as it was. The text is edited in place where the key's value sits (or where its section
 * ends) and written atomically, so a crash never leaves half a file. The written file is read back
 * before it replaces the old one: an edit that would not read back as the value set (a newline once
 * broke the file for every later command) is refused and the file stays as it was.
 */
public final class ConfigFileEditor {
  private ConfigFileEditor() {}

  /**
   * Sets the key. Two {@code config set}s at once (two terminals, a script) each hold a lock on a
   * hidden sibling file from reading to renaming, so neither edit is lost.
   */
  public static void set(Path file, ConfigKey key, Object value) {
    try {
      Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
      Path lockFile = dir.resolve("." + file.getFileName() + ".lock");
      synchronized (ConfigFileEditor.class) { // file locks are per process, not per thread
        try (FileChannel lock =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = lock.lock()) {
          String text = Files.exists(file) ? ConfigFileReader.text(file) : "";
          String edited = edit(text, key.path().split("\\."), value);
          writeAtomically(file, edited, written -> ReadBack.check(file, written, key, value));
        }
      }
    } catch (IOException e) {
      throw ConfigProblems.file(
          ErrorCode.IO_ERROR, "cannot write config file " + file + ": " + e.getMessage(), null);
    }
  }

  static String edit(String text, String[] path, Object value) {
    Node root;
    try {
      root =
          text.isBlank()
              ? null
              : new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "cannot edit the config file: line "
              + (e.getProblemMark().getLine() + 1)
              + ": "
              + e.getProblem(),
          "Fix the YAML syntax first.");
    } catch (YAMLException e) {
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "cannot edit the config file: " + e.getMessage(),
          "Fix the file first, or move it aside.");
    }
    if (root == null) {
      String prefix = text.isBlank() || text.endsWith("\n") ? text : text + "\n";
      return prefix + block(path, 0, 0, value);
    }
    if (!(root instanceof MappingNode mapping)
        || mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "the config file does not hold a block mapping of keys, so it cannot be edited safely",
          "Edit it by hand, or move it aside and run 'config set' again.");
    }
    int depth = 0;
    MappingNode level = mapping;
    while (true) {
      NodeTuple found = find(level, path[depth]);
      if (found == null) {
        return insert(text, level, path, depth, value);
      }
      Node valueNode = found.getValueNode();
      if (depth == path.length - 1) {
        int start = at(text, found.getKeyNode().getEndMark().getIndex());
        int end = at(text, lastContentEnd(valueNode));
        return text.substring(0, start) + ": " + flow(value) + text.substring(end);
      }
      if (!(valueNode instanceof MappingNode next)
          || next.getFlowStyle() == DumperOptions.FlowStyle.FLOW
          || next.getValue().isEmpty()) {
        int start = at(text, found.getKeyNode().getEndMark().getIndex());
        int end = at(text, lastContentEnd(valueNode));
        int indent = found.getKeyNode().getStartMark().getColumn();
        return text.substring(0, start)
            + ":\n"
            + block(path, depth + 1, indent + 2, value).stripTrailing()
            + text.substring(end);
      }
      level = next;
      depth++;
    }
  }

  private static NodeTuple find(MappingNode level, String segment) {
    for (NodeTuple t : level.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(segment)) {
        return t;
      }
    }
    return null;
  }

  /** Adds the missing part of the path after the last entry of {@code level}. */
  private static String insert(
      String text, MappingNode level, String[] path, int depth, Object value) {
    List<NodeTuple> entries = level.getValue();
    int indent = entries.isEmpty() ? 0 : entries.get(0).getKeyNode().getStartMark().getColumn();
    int at =
        entries.isEmpty()
            ? text.length()
            : at(text, lastContentEnd(entries.get(entries.size() - 1).getValueNode()));
    int lineEnd = text.indexOf('\n', at);
    at = lineEnd < 0 ? text.length() : lineEnd + 1;
    String before = text.substring(0, at);
    if (!before.isEmpty() && !before.endsWith("\n")) {
      before += "\n";
    }
    return before + block(path, depth, indent, value) + text.substring(at);
  }

  /** {@code path[from..]} as nested block mappings at {@code indent}, ending in the value. */
  private static String block(String[] path, int from, int indent, Object value) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < path.length; i++) {
      out.append(" ".repeat(indent + 2 * (i - from))).append(path[i]).append(':');
      out.append(i == path.length - 1 ? " " + flow(value) + "\n" : "\n");
    }
    return out.toString();
  }

  /**
   * The value in YAML flow style on one line, quoted where YAML needs it. The plain rendering is
   * read back to make sure it means the same (unusual characters can fool the emitter); if not, or
   * if it spans lines (continuation lines would have to match the key's indentation, which a
   * rendering on its own cannot know), every string is double-quoted with line breaks and control
   * characters escaped.
   */
  static String flow(Object value) {
    try {
      String plain = dump(value, DumperOptions.ScalarStyle.PLAIN);
      Object back = new Yaml(new SafeConstructor(new LoaderOptions())).load("v: " + plain);
      if (!spansLines(plain)
          && back instanceof java.util.Map<?, ?> m
          && java.util.Objects.equals(m.get("v"), value)) {
        return plain;
      }
    } catch (RuntimeException e) {
      // falls through to the quoted form
    }
    return DoubleQuoted.of(value);
  }

  private static boolean spansLines(String text) {
    return text.chars()
        .anyMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029);
  }

  private static String dump(Object value, DumperOptions.ScalarStyle style) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    options.setDefaultScalarStyle(style);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options).dump(value).strip();
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 chars. */
  private static int at(String text, int codePoints) {
    return text.offsetByCodePoints(0, codePoints);
  }

  /** Where a value's own text ends: its last scalar, not the comments or blank lines after it. */
  private static int lastContentEnd(Node node) {
    return switch (node) {
      case MappingNode m
          when m.getFlowStyle() != DumperOptions.FlowStyle.FLOW && !m.getValue().isEmpty() ->
          lastContentEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
      case SequenceNode s
          when s.getFlowStyle() != DumperOptions.FlowStyle.FLOW && !s.getValue().isEmpty() ->
          lastContentEnd(s.getValue().get(s.getValue().size() - 1));
      default -> node.getEndMark().getIndex();
    };
  }

  /**
   * Writes a sibling temp file, flushes it to disk and renames it over the file, so readers see the
   * old or the new text, never half of one. The file keeps its permissions (new files are 0600: a
   * config may hold tokens), and a symlinked config stays a symlink: its target is what changes.
   */
  private static void writeAtomically(Path file, String text, Consumer<String> check)
      throws IOException {
    Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      if (Files.exists(target)
          && Files.getFileStore(target).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      check.accept(Files.readString(temp, StandardCharsets.UTF_8));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
