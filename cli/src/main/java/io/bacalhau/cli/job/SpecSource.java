package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.jobspec.JobSpecParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a spec from a file or, for {@code -}, from standard input. */
final class SpecSource {
  private SpecSource() {}

  /** The bytes and the name to use for them in errors. */
  record Content(String name, byte[] bytes) {}

  /**
   * The spec's content. A file over the size limit is refused before it is read, with {@code
   * tooLargeExit}: each command exits as it does for any other invalid spec (README exit codes).
   */
  static Content read(CliSession session, String file, int tooLargeExit) {
    try {
      if (file == null || "-".equals(file)) {
        if (session.context().interactive()) {
          session.err().println("Reading from /dev/stdin; send Ctrl-d to stop.");
        }
        // One byte over the limit is enough for the parser to say the spec is too large.
        byte[] bytes = session.context().in().readNBytes(JobSpecParser.MAX_SPEC_BYTES + 1);
        if (bytes.length == 0) {
          throw new CommandFailedException(
              ExitCode.ERROR, "no content provided", "Give a spec file, or pipe one in.");
        }
        return new Content("<stdin>", bytes);
      }
      Path path = session.context().resolve(file);
      if (Files.isDirectory(path)) {
        throw new CommandFailedException(
            ExitCode.ERROR, file + " is a directory, not a job spec", null);
      }
      if (Files.size(path) > JobSpecParser.MAX_SPEC_BYTES) {
        throw new CommandFailedException(
            tooLargeExit,
            file
                + " is "
                + Files.size(path)
                + " bytes; a job spec may have at most "
                + JobSpecParser.MAX_SPEC_BYTES
                + " bytes",
            null);
      }
      return new Content(file, Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new CommandFailedException(
          ExitCode.ERROR, "no such file: " + file, "Check the path of the job spec.");
    } catch (IOException e) {
      throw new CommandFailedException(
          ExitCode.ERROR, "cannot read " + file + ": " + e.getMessage(), null);
    }
  }

  static String text(Content c) {
    return new String(c.bytes(), StandardCharsets.UTF_8);
  }
}
