package io.bacalhau.bench.crash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Reads one regular file out of a published tar.gz (ustar headers, as the publisher writes). */
final class TarGz {
  private TarGz() {}

  static Optional<String> file(byte[] archive, String name) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String entry = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        if (!prefix.isEmpty()) {
          entry = prefix + "/" + entry;
        }
        long size =
            Long.parseLong(
                field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
        byte[] body = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (entry.equals(name) || entry.equals("./" + name)) {
          return Optional.of(new String(body, StandardCharsets.UTF_8));
        }
      }
    }
    return Optional.empty();
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
  }
}
