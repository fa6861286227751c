package io.bacalhau.plugins.wasm.sandbox;

import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A path inside one sandbox mount: a Unix-style path where {@code /} is the mount's root. Name
 * operations are those of the default file system; only the provider ever turns it into a host
 * path.
 */
final class SandboxPath implements Path {
  private static final Path SLASH = Path.of("/");

  private final SandboxFileSystem fs;
  private final Path inner;

  SandboxPath(SandboxFileSystem fs, Path inner) {
    this.fs = fs;
    this.inner = inner;
  }

  /** The same path in the default file system, still relative to the mount root. */
  Path inner() {
    return inner;
  }

  private SandboxPath wrap(Path p) {
    return p == null ? null : new SandboxPath(fs, p);
  }

  private Path unwrap(Path other) {
    if (other instanceof SandboxPath s && s.fs == fs) {
      return s.inner;
    }
    throw new ProviderMismatchException("not a path of this WASM sandbox: " + other);
  }

  @Override
  public SandboxFileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return inner.isAbsolute();
  }

  @Override
  public Path getRoot() {
    return wrap(inner.getRoot());
  }

  @Override
  public Path getFileName() {
    return wrap(inner.getFileName());
  }

  @Override
  public Path getParent() {
    return wrap(inner.getParent());
  }

  @Override
  public int getNameCount() {
    return inner.getNameCount();
  }

  @Override
  public Path getName(int index) {
    return wrap(inner.getName(index));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return wrap(inner.subpath(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    return other instanceof SandboxPath s && s.fs == fs && inner.startsWith(s.inner);
  }

  @Override
  public boolean endsWith(Path other) {
    return other instanceof SandboxPath s && s.fs == fs && inner.endsWith(s.inner);
  }

  @Override
  public Path normalize() {
    return wrap(inner.normalize());
  }

  @Override
  public Path resolve(Path other) {
    return wrap(inner.resolve(unwrap(other)));
  }

  @Override
  public Path relativize(Path other) {
    return wrap(inner.relativize(unwrap(other)));
  }

  @Override
  public URI toUri() {
    return URI.create(SandboxProvider.SCHEME + ":" + toAbsolutePath());
  }

  @Override
  public Path toAbsolutePath() {
    return isAbsolute() ? this : wrap(SLASH.resolve(inner));
  }

  @Override
  public Path toRealPath(LinkOption... options) throws java.io.IOException {
    return fs.provider().realPath(this);
  }

  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new UnsupportedOperationException("a WASM sandbox cannot be watched");
  }

  @Override
  public int compareTo(Path other) {
    return inner.compareTo(unwrap(other));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SandboxPath s && s.fs == fs && s.inner.equals(inner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(System.identityHashCode(fs), inner);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
