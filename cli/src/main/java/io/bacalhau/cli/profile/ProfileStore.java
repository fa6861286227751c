package io.bacalhau.cli.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Profiles in {@code <DataDir>/profiles}: one {@code <name>.yaml} each, readable by the user only
 * (a profile may hold a token), and a {@code current} link to the selected one.
 */
public final class ProfileStore {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final String CURRENT = "current";

  private final Path dir;
  private final ObjectMapper yaml = Codecs.yaml();

  public ProfileStore(Path dataDir) {
    this.dir = dataDir.resolve("profiles");
  }

  /** The profile names, sorted. */
  public List<String> names() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !Files.isSymbolicLink(dir.resolve(n)))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<Profile> find(String name) {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(yaml.readValue(file.toFile(), Profile.class));
    } catch (IOException e) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              "profile file " + file + " cannot be read: " + e.getMessage())
          .component("Profile")
          .hint(
              "Fix the file, or save the profile again with 'bacalhau profile save " + name + "'.")
          .build();
    }
  }

  public Profile require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                BacalhauException.builder(ErrorCode.NOT_FOUND, "profile \"" + name + "\" not found")
                    .component("Profile")
                    .hint("List them with 'bacalhau profile list'.")
                    .build());
  }

  /** Writes the profile (user-only permissions), replacing the file in one step. */
  public void save(String name, Profile profile) {
    Path file = file(name);
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + name, ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        yaml.writeValue(temp.toFile(), profile);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(String name) {
    try {
      if (current().filter(name::equals).isPresent()) {
        Files.deleteIfExists(dir.resolve(CURRENT));
      }
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The selected profile's name, if one is selected and still exists. */
  public Optional<String> current() {
    Path link = dir.resolve(CURRENT);
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    try {
      String target = Files.readSymbolicLink(link).getFileName().toString();
      String name = target.substring(0, target.length() - ".yaml".length());
      return Files.isRegularFile(file(name)) ? Optional.of(name) : Optional.empty();
    } catch (IOException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  public void select(String name) {
    require(name);
    Path link = dir.resolve(CURRENT);
    try {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, Path.of(name + ".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String name) {
    if (!NAME.matcher(name).matches() || name.equals(CURRENT)) {
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST, "'" + name + "' is not a valid profile name")
          .component("Profile")
          .hint("Use letters, digits, '.', '_' and '-' (up to 64), not 'current'.")
          .build();
    }
    return dir.resolve(name + ".yaml");
  }
}
