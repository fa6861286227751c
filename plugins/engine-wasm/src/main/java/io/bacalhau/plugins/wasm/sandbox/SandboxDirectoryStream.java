package io.bacalhau.plugins.wasm.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A host folder listing whose entries are sandbox paths under the listed folder. */
final class SandboxDirectoryStream implements DirectoryStream<Path> {
  private final Path dir;
  private final DirectoryStream<Path> hostEntries;
  private final Filter<? super Path> filter;

  SandboxDirectoryStream(Path dir, DirectoryStream<Path> hostEntries, Filter<? super Path> filter) {
    this.dir = dir;
    this.hostEntries = hostEntries;
    this.filter = filter;
  }

  @Override
  public Iterator<Path> iterator() {
    Iterator<Path> hosts = hostEntries.iterator();
    return new Iterator<>() {
      private Path next = advance();

      private Path advance() {
        while (hosts.hasNext()) {
          Path candidate = dir.resolve(hosts.next().getFileName().toString());
          try {
            if (filter == null || filter.accept(candidate)) {
              return candidate;
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Path next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Path current = next;
        next = advance();
        return current;
      }
    };
  }

  @Override
  public void close() throws IOException {
    hostEntries.close();
  }
}
