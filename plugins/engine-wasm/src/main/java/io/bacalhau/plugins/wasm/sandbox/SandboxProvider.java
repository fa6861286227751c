package io.bacalhau.plugins.wasm.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Maps sandbox paths onto the host and checks each operation: the host path, once symbolic links
 * are resolved, must stay under the mount root, and a read-only mount refuses writes. Failures are
 * {@link AccessDeniedException}s, which WASI reports to the module as an error code.
 */
final class SandboxProvider extends FileSystemProvider {
  static final String SCHEME = "wasm-sandbox";
  private static final Set<OpenOption> WRITES =
      Set.of(
          StandardOpenOption.WRITE,
          StandardOpenOption.APPEND,
          StandardOpenOption.CREATE,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.DELETE_ON_CLOSE);

  private final SandboxFileSystem fs;

  SandboxProvider(SandboxFileSystem fs) {
    this.fs = fs;
  }

  /** The host path of a sandbox path, after checking it stays inside the mount. */
  private Path host(Path path, boolean followLast) throws IOException {
    if (!(path instanceof SandboxPath p) || p.getFileSystem() != fs) {
      throw new ProviderMismatchException("not a path of this WASM sandbox: " + path);
    }
    String relative = p.toAbsolutePath().normalize().toString().substring(1);
    Path host = relative.isEmpty() ? fs.hostRoot() : fs.hostRoot().resolve(relative).normalize();
    if (!host.startsWith(fs.hostRoot())) {
      throw denied(path, "outside the mount");
    }
    Path check = followLast || host.equals(fs.hostRoot()) ? host : host.getParent();
    while (check != null && !Files.exists(check)) {
      check = check.getParent();
    }
    if (check == null || !check.toRealPath().startsWith(fs.hostRoot())) {
      throw denied(path, "leads outside the mount");
    }
    return host;
  }

  private Path writableHost(Path path, boolean followLast) throws IOException {
    if (!fs.writable()) {
      throw denied(path, "read-only mount");
    }
    return host(path, followLast);
  }

  private static AccessDeniedException denied(Path path, String why) {
    return new AccessDeniedException(String.valueOf(path), null, why);
  }

  private static boolean follows(Object[] options) {
    return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
  }

  private Path openChecked(Path path, Set<? extends OpenOption> options) throws IOException {
    boolean writes = options.stream().anyMatch(WRITES::contains);
    boolean follow = follows(options.toArray());
    return writes ? writableHost(path, follow) : host(path, follow);
  }

  Path realPath(SandboxPath path) throws IOException {
    Path real = host(path, true).toRealPath();
    return sandboxPathOf(path, real);
  }

  private Path sandboxPathOf(Path original, Path host) throws IOException {
    if (!host.startsWith(fs.hostRoot())) {
      throw denied(original, "leads outside the mount");
    }
    return fs.root().resolve(fs.hostRoot().relativize(host).toString());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    throw new UnsupportedOperationException("use SandboxFileSystem.of");
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    throw new UnsupportedOperationException("use SandboxFileSystem.of");
  }

  @Override
  public Path getPath(URI uri) {
    throw new UnsupportedOperationException("sandbox paths have no URIs");
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return Files.newByteChannel(openChecked(path, options), options, attrs);
  }

  @Override
  public FileChannel newFileChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return FileChannel.open(openChecked(path, options), options, attrs);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
    return new SandboxDirectoryStream(dir, Files.newDirectoryStream(host(dir, true)), filter);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    Files.createDirectory(writableHost(dir, false), attrs);
  }

  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs)
      throws IOException {
    Path hostLink = writableHost(link, false);
    Path hostTarget =
        target.isAbsolute() ? host(target, false) : Path.of(target.toString()).normalize();
    if (!hostLink.getParent().resolve(hostTarget).normalize().startsWith(fs.hostRoot())) {
      throw denied(target, "leads outside the mount");
    }
    Files.createSymbolicLink(hostLink, hostTarget, attrs);
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    Files.createLink(writableHost(link, false), host(existing, false));
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    Path hostLink = host(link, false);
    Path target = hostLink.getParent().resolve(Files.readSymbolicLink(hostLink)).normalize();
    return sandboxPathOf(link, target);
  }

  @Override
  public void delete(Path path) throws IOException {
    Path host = writableHost(path, false);
    if (host.equals(fs.hostRoot())) {
      throw denied(path, "the mount itself cannot be removed");
    }
    Files.delete(host);
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    Files.copy(host(source, follows(options)), writableHost(target, false), options);
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    Path from = writableHost(source, false);
    if (from.equals(fs.hostRoot())) {
      throw denied(source, "the mount itself cannot be moved");
    }
    Files.move(from, writableHost(target, false), options);
  }

  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    return Files.isSameFile(host(path, true), host(path2, true));
  }

  @Override
  public boolean isHidden(Path path) throws IOException {
    return Files.isHidden(host(path, true));
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    return Files.getFileStore(host(path, true));
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    Path host =
        Arrays.asList(modes).contains(AccessMode.WRITE)
            ? writableHost(path, true)
            : host(path, true);
    host.getFileSystem().provider().checkAccess(host, modes);
  }

  @Override
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    if (type != BasicFileAttributeView.class) {
      return null;
    }
    return type.cast(new TimesView(path, follows(options)));
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    return Files.readAttributes(host(path, follows(options)), type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    return Files.readAttributes(host(path, follows(options)), attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    Files.setAttribute(writableHost(path, follows(options)), attribute, value, options);
  }

  /** Reading attributes and setting times, checked like every other operation. */
  private final class TimesView implements BasicFileAttributeView {
    private final Path path;
    private final boolean follow;

    TimesView(Path path, boolean follow) {
      this.path = path;
      this.follow = follow;
    }

    private LinkOption[] options() {
      return follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    @Override
    public String name() {
      return "basic";
    }

    @Override
    public BasicFileAttributes readAttributes() throws IOException {
      return Files.readAttributes(host(path, follow), BasicFileAttributes.class, options());
    }

    @Override
    public void setTimes(FileTime lastModified, FileTime lastAccess, FileTime create)
        throws IOException {
      Files.getFileAttributeView(
              writableHost(path, follow), BasicFileAttributeView.class, options())
          .setTimes(lastModified, lastAccess, create);
    }
  }
}
