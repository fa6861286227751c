package io.bacalhau.core.config;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Objects;

/**
 * The check {@code config set} makes on the file it is about to put in place: the next command must
 * read it, and must read the key as the value set. Otherwise the edit is refused and the old file
 * stays, since a file no command can read locks the user out until they edit it by hand.
 */
final class ReadBack {
  private ReadBack() {}

  static void check(Path file, String written, ConfigKey key, Object value) {
    ConfigTree tree = new ConfigTree();
    try {
      new ConfigFileReader(ConfigCatalog.get(), new ArrayList<>()).parse(file, written, tree);
    } catch (BacalhauException e) {
      throw refused(file, key, "the file would not read back: " + e.getMessage());
    }
    Object back = tree.get(key.path());
    if (!Objects.equals(back, value)) {
      String shown = key.secret() ? BacalhauConfig.MASK : String.valueOf(back);
      throw refused(file, key, "the file would read " + key.path() + " back as " + shown);
    }
  }

  private static BacalhauException refused(Path file, ConfigKey key, String why) {
    return ConfigProblems.file(
        ErrorCode.CONFIGURATION_ERROR,
        "cannot set " + key.path() + " in " + file + ": " + why + "; the file is unchanged",
        "Give a value without control characters, or edit the file by hand.");
  }
}
