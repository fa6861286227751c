package io.bacalhau.plugins.ipfs.cid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Computes the CID {@code ipfs add} gives a file or folder, without a node: fixed 256 KiB chunks,
 * balanced trees of at most 174 links, directories with links sorted by name. CIDv0 uses dag-pb
 * leaves; CIDv1 uses raw leaves (and a one-chunk file is that raw leaf), as Kubo and js-ipfs do by
 * default. Links are skipped, as the publisher never uploads them. Large (HAMT-sharded) folders are
 * not supported.
 */
public final class UnixFs {
  public static final int CHUNK_SIZE = 256 * 1024;
  public static final int MAX_LINKS = 174;

  private final int version;

  private UnixFs(int version) {
    this.version = version;
  }

  public static UnixFs v0() {
    return new UnixFs(0);
  }

  /** CIDv1 with raw leaves. */
  public static UnixFs v1() {
    return new UnixFs(1);
  }

  /** A built node: its CID, the size of it and all below ({@code Tsize}), and its file bytes. */
  record Built(Cid cid, long tsize, long fileSize) {}

  public Cid cid(Path path) throws IOException {
    return build(path).cid();
  }

  Built build(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return directory(path);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return file(in);
    }
  }

  public Cid cid(InputStream in) throws IOException {
    return file(in).cid();
  }

  Built file(InputStream in) throws IOException {
    List<Built> level = new ArrayList<>();
    byte[] chunk;
    while ((chunk = in.readNBytes(CHUNK_SIZE)).length > 0 || level.isEmpty()) {
      level.add(leaf(chunk));
      if (chunk.length == 0) {
        break; // the empty file is one empty leaf
      }
    }
    if (level.size() == 1) {
      return level.getFirst();
    }
    while (level.size() > 1) {
      List<Built> parents = new ArrayList<>();
      for (int i = 0; i < level.size(); i += MAX_LINKS) {
        parents.add(parent(level.subList(i, Math.min(level.size(), i + MAX_LINKS))));
      }
      level = parents;
    }
    return level.getFirst();
  }

  private Built leaf(byte[] chunk) {
    if (version == 1) {
      return new Built(Cid.of(1, Cid.RAW, chunk), chunk.length, chunk.length);
    }
    byte[] block =
        new DagNode(List.of(), DagNode.fileData(chunk, chunk.length, List.of())).encode();
    return new Built(Cid.of(0, Cid.DAG_PB, block), block.length, chunk.length);
  }

  private Built parent(List<Built> children) {
    List<DagNode.Link> links = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    long fileSize = 0;
    long below = 0;
    for (Built child : children) {
      links.add(new DagNode.Link(child.cid(), "", child.tsize()));
      sizes.add(child.fileSize());
      fileSize += child.fileSize();
      below += child.tsize();
    }
    byte[] block = new DagNode(links, DagNode.fileData(new byte[0], fileSize, sizes)).encode();
    return new Built(Cid.of(version, Cid.DAG_PB, block), block.length + below, fileSize);
  }

  private Built directory(Path dir) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children =
          list.filter(p -> !Files.isSymbolicLink(p))
              .sorted(Comparator.comparing(UnixFs::nameBytes, Arrays::compareUnsigned))
              .toList();
    }
    List<DagNode.Link> links = new ArrayList<>();
    long below = 0;
    for (Path child : children) {
      Built built = build(child);
      links.add(new DagNode.Link(built.cid(), child.getFileName().toString(), built.tsize()));
      below += built.tsize();
    }
    byte[] block = new DagNode(links, DagNode.directoryData()).encode();
    return new Built(Cid.of(version, Cid.DAG_PB, block), block.length + below, 0);
  }

  private static byte[] nameBytes(Path p) {
    return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
  }
}
