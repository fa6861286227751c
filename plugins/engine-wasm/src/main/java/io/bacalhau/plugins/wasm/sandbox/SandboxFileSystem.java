package io.bacalhau.plugins.wasm.sandbox;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * One host file or folder as a WASM module sees it: its root is the mount, nothing outside it can
 * be reached (not by {@code ..}, not through a symbolic link), and a read-only mount refuses every
 * write. Chicory's WASI works on {@link Path}s, so this is where an input's read-only promise and
 * the "no host access" rule are kept.
 */
public final class SandboxFileSystem extends FileSystem {
  private final SandboxProvider provider;
  private final Path hostRoot;
  private final boolean writable;

  private SandboxFileSystem(Path hostRoot, boolean writable) {
    this.hostRoot = hostRoot;
    this.writable = writable;
    this.provider = new SandboxProvider(this);
  }

  /**
   * @param hostRoot an existing file or folder; its real path becomes the boundary
   */
  public static SandboxFileSystem of(Path hostRoot, boolean writable) throws IOException {
    return new SandboxFileSystem(hostRoot.toRealPath(), writable);
  }

  /** The mount root, {@code /}, to preopen. */
  public Path root() {
    return new SandboxPath(this, Path.of("/"));
  }

  Path hostRoot() {
    return hostRoot;
  }

  boolean writable() {
    return writable;
  }

  @Override
  public SandboxProvider provider() {
    return provider;
  }

  @Override
  public void close() {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return !writable;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of(root());
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return FileSystems.getDefault().supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return new SandboxPath(this, Path.of(first, more));
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher(syntaxAndPattern);
    return p -> p instanceof SandboxPath s && matcher.matches(s.inner());
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw new UnsupportedOperationException("a WASM sandbox has no users");
  }

  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("a WASM sandbox cannot be watched");
  }

  @Override
  public String toString() {
    return "sandbox(" + hostRoot + (writable ? ", rw)" : ", ro)");
  }
}
