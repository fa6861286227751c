package io.bacalhau.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's modules, found from the directory the build runs a module's tests in. */
final class SourceTree {
  private final Path root;

  private SourceTree(Path root) {
    this.root = root;
  }

  /** The checkout holding the working directory: the nearest parent with core and plugins. */
  static SourceTree find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("core/src/main/java"))
          && Files.isDirectory(d.resolve("plugins"))) {
        return new SourceTree(d);
      }
    }
    throw new IllegalStateException(
        "no Bacalhau checkout (a folder with core/src/main/java and plugins/) above " + dir);
  }

  Path root() {
    return root;
  }

  /** The main sources of core. */
  List<JavaSource> core() throws IOException {
    return sources(root.resolve("core/src/main/java"));
  }

  /** Each plugin module's folder, e.g. {@code plugins/engine-docker}. */
  List<Path> plugins() throws IOException {
    try (Stream<Path> dirs = Files.list(root.resolve("plugins"))) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("src/main/java"))).sorted().toList();
    }
  }

  /** The main sources of a module folder. */
  List<JavaSource> mainSources(Path module) throws IOException {
    return sources(module.resolve("src/main/java"));
  }

  private static List<JavaSource> sources(Path dir) throws IOException {
    List<JavaSource> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        out.add(JavaSource.read(f));
      }
    }
    return out;
  }
}
