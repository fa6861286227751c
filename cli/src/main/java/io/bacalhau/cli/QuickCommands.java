package io.bacalhau.cli;

import io.bacalhau.cli.version.VersionCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bacalhau version} and {@code bacalhau --help} answered without the command tree: picocli
 * is compiled for Java 5, so the JDK can neither archive nor quickly verify its classes, and
 * building the tree is most of what these two commands would cost. {@code version} prints the
 * client's table when no node could be named (otherwise it asks the node, through the tree); {@code
 * --help} prints the text the tree printed at build time ({@link #writeHelp}), kept in the
 * distribution with the {@link io.bacalhau.cli.local.BuildId} it was made by, and only while that
 * build runs.
 */
final class QuickCommands {
  private QuickCommands() {}

  static boolean answer(CliSession session, String... args) {
    if (args.length != 1) {
      return false;
    }
    switch (args[0]) {
      case "version" -> {
        if (session.mayNameANode()) {
          return false;
        }
        VersionCommand.printClient(session.out());
        return true;
      }
      case "--help", "-h" -> {
        Optional<String> help = cachedHelp(session.context().colour());
        help.ifPresent(text -> session.out().print(text));
        return help.isPresent();
      }
      default -> {
        return false;
      }
    }
  }

  /** Writes what {@code --help} prints, plain and in colour, for later quick answers. */
  static void writeHelp(Path home, String plain, String colour) {
    String build = io.bacalhau.cli.local.BuildId.current() + "\n";
    try {
      Files.writeString(file(home, false), build + plain, StandardCharsets.UTF_8);
      Files.writeString(file(home, true), build + colour, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> cachedHelp(boolean colour) {
    String home = System.getProperty("bacalhau.home");
    if (home == null) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file(Path.of(home), colour), StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      String build = io.bacalhau.cli.local.BuildId.current();
      if (newline < 0 || !text.substring(0, newline).equals(build)) {
        return Optional.empty(); // made by another build: its help may differ
      }
      return Optional.of(text.substring(newline + 1));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the tree answers instead
    }
  }

  private static Path file(Path home, boolean colour) {
    return home.resolve(colour ? "help-colour.txt" : "help.txt");
  }
}
