package io.bacalhau.transport.nats.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A checkpoint in a small text file, replaced atomically, so that a restarted node resumes its
 * stream where it stopped. A missing file is sequence 0: a node that never processed anything.
 */
public final class FileCheckpoint implements Checkpoint {
  private final Path file;

  public FileCheckpoint(Path file) {
    this.file = file;
  }

  @Override
  public long load() {
    if (!Files.exists(file)) {
      return 0;
    }
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sequence checkpoint " + file, e);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "the sequence checkpoint " + file + " does not hold a number; delete it to start over",
          e);
    }
  }

  @Override
  public void save(long seqNum) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Long.toString(seqNum), StandardCharsets.US_ASCII);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sequence checkpoint " + file, e);
    }
  }
}
