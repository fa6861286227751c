package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole configuration as {@code config list --output yaml} and the API's {@code agent/config}
 * show it: keys of plugin sections the catalogue does not know are masked when their names say they
 * hold a secret; other plugin keys, and labels, show as written.
 */
class PluginSecretsMaskedTest {
  @TempDir Path home;

  @Test
  void secretLookingKeysOfPluginSectionsAreMasked() throws Exception {
    Path file = home.resolve("c.yaml");
    Files.writeString(
        file,
        """
        Engines:
          Types:
            Docker:
              Registry: {Username: me, Password: hunter2}
        Publishers:
          Types:
            S3:
              SecretAccessKey: abc
              Region: eu-west-1
        Labels: {token: not-a-secret}
        """);
    BacalhauConfig config =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    Map.of("HOME", home.toString()),
                    home,
                    List.of(file.toString()),
                    null,
                    null,
                    null));
    Map<String, Object> tree = config.asTree();
    Map<String, Object> registry = at(tree, "Engines", "Types", "Docker", "Registry");
    assertEquals(BacalhauConfig.MASK, value(registry, "Password"));
    assertEquals("me", value(registry, "Username"));
    Map<String, Object> s3 = at(tree, "Publishers", "Types", "S3");
    assertEquals(BacalhauConfig.MASK, value(s3, "SecretAccessKey"));
    assertEquals("eu-west-1", value(s3, "Region"));
    assertEquals("not-a-secret", value(at(tree, "Labels"), "token"));
  }

  private static Object value(Map<String, Object> level, String key) {
    return level.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " in " + level));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> at(Map<String, Object> tree, String... path) {
    Map<String, Object> level = tree;
    for (String p : path) {
      Object next =
          level.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(p))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow(() -> new AssertionError(p + " in " + tree));
      level = (Map<String, Object>) next;
    }
    return level;
  }
}
