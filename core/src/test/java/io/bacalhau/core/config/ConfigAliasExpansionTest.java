package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Found by ConfigFuzzTest: a few lines of YAML aliases made loading a config file run for ever. */
class ConfigAliasExpansionTest {
  @TempDir Path dir;

  @Test
  // A thread of its own: the old reader looped without ever looking at an interrupt.
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aliasExpansionThatHungTheConfigReaderIsRefusedNamingTheFile() throws Exception {
    List<String> lines = new ArrayList<>(List.of("x0: &x0 {k0: v, k1: v}"));
    for (int i = 1; i < 24; i++) {
      lines.add("x%d: &x%d {a: *x%d, b: *x%d}".formatted(i, i, i - 1, i - 1));
    }
    lines.add("Engines: {Types: {Wasm: *x23}}");
    Path file = Files.write(dir.resolve("config.yaml"), lines);

    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                new ConfigLoader()
                    .load(
                        new ConfigInputs(
                            Map.of("HOME", dir.toString()),
                            dir,
                            List.of(file.toString()),
                            dir.resolve("data").toString(),
                            null,
                            null)));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("aliases"), e.getMessage());
  }

  @Test
  void aFileOfManyPlainSettingsStillLoads() {
    ConfigTree tree = new ConfigTree();
    StringBuilder text = new StringBuilder("Labels:\n");
    for (int i = 0; i < 5_000; i++) {
      text.append("  k").append(i).append(": v\n");
    }
    new ConfigFileReader(ConfigCatalog.get(), new ArrayList<>())
        .parse(dir.resolve("c.yaml"), text.toString(), tree);
    assertTrue(tree.get("Labels") instanceof Map<?, ?> m && m.size() == 5_000);
  }
}
