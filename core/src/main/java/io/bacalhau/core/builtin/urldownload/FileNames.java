package io.bacalhau.core.builtin.urldownload;

import io.bacalhau.core.spi.archive.SafePaths;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a download is saved under: Content-Disposition, else the URL's last segment, else a
 * UUID.
 */
final class FileNames {
  private static final Pattern DISPOSITION =
      Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private FileNames() {}

  static String of(URI url, Optional<String> contentDisposition) {
    String fromHeader =
        contentDisposition
            .map(DISPOSITION::matcher)
            .filter(Matcher::find)
            .map(
                m ->
                    java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8))
            .map(SafePaths::fileName)
            .orElse("");
    if (!fromHeader.isEmpty()) {
      return fromHeader;
    }
    String fromPath = url.getPath() == null ? "" : SafePaths.fileName(url.getPath());
    return fromPath.isEmpty() ? UUID.randomUUID().toString() : fromPath;
  }
}
