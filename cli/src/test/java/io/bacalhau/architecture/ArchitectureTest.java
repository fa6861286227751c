package io.bacalhau.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, checked on every build by reading the sources: a plugin uses only the
 * plugin API of core (what README's "Writing a plugin" offers a third party), core knows nothing of
 * the CLI, the plugins or the benchmark, and no package depends on itself through others. It lives
 * in cli because the build runs cli after every other module.
 */
class ArchitectureTest {
  /** What a plugin may use of core: the plugin API, the job models and the structured error. */
  static final List<String> PLUGIN_API =
      List.of("io.bacalhau.core.spi", "io.bacalhau.core.models", "io.bacalhau.core.errors");

  /** What core must never name. */
  static final List<String> OUTSIDE_CORE =
      List.of("io.bacalhau.cli", "io.bacalhau.plugins", "io.bacalhau.bench");

  private final SourceTree tree = SourceTree.find();

  @Test
  void pluginsUseNothingOfCoreButThePluginApi() throws IOException {
    List<Path> plugins = tree.plugins();
    assertFalse(plugins.isEmpty(), "no plugin modules under " + tree.root().resolve("plugins"));
    List<String> violations = new ArrayList<>();
    for (Path plugin : plugins) {
      List<JavaSource> sources = tree.mainSources(plugin);
      Set<String> own = new TreeSet<>();
      sources.forEach(s -> own.add(s.packageName()));
      for (JavaSource s : sources) {
        for (JavaSource.Reference r : s.references()) {
          if (!own.contains(r.packageName()) && !within(r.packageName(), PLUGIN_API)) {
            violations.add(s.where(tree.root(), r) + " names " + r.packageName());
          }
        }
      }
    }
    assertTrue(
        violations.isEmpty(),
        () ->
            "a plugin may use only "
                + PLUGIN_API
                + " (and their sub-packages) of Bacalhau; offer what it needs there:\n  "
                + String.join("\n  ", violations));
  }

  @Test
  void coreKnowsNothingOfTheCliThePluginsOrTheBenchmark() throws IOException {
    List<JavaSource> core = tree.core();
    assertFalse(core.isEmpty(), "no sources under core/src/main/java");
    List<String> violations = new ArrayList<>();
    for (JavaSource s : core) {
      for (JavaSource.Reference r : s.references()) {
        if (within(r.packageName(), OUTSIDE_CORE)) {
          violations.add(s.where(tree.root(), r) + " names " + r.packageName());
        }
      }
    }
    assertTrue(
        violations.isEmpty(),
        () -> "core must not name " + OUTSIDE_CORE + ":\n  " + String.join("\n  ", violations));
  }

  @Test
  void corePackagesFormNoCycle() throws IOException {
    List<String> cycles = PackageGraph.of(tree.core(), tree.root()).cycles();
    assertTrue(cycles.isEmpty(), () -> String.join("\n", cycles));
  }

  @Test
  void eachPluginsPackagesFormNoCycle() throws IOException {
    List<String> cycles = new ArrayList<>();
    for (Path plugin : tree.plugins()) {
      cycles.addAll(PackageGraph.of(tree.mainSources(plugin), tree.root()).cycles());
    }
    assertTrue(cycles.isEmpty(), () -> String.join("\n", cycles));
  }

  private static boolean within(String pkg, List<String> roots) {
    return roots.stream().anyMatch(r -> pkg.equals(r) || pkg.startsWith(r + "."));
  }
}
