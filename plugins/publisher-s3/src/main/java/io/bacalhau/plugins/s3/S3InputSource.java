package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Downloads an S3 object, or every object under a prefix, into the staging folder. A single object
 * becomes a file; a prefix becomes a folder keeping key paths relative to the prefix's last {@code
 * /}.
 */
final class S3InputSource implements InputSourceProvider {
  static final String COMPONENT = "S3InputSource";
  static final String TOPIC = "Downloading Inputs";

  private final S3Storage storage;

  S3InputSource(S3Storage storage) {
    this.storage = storage;
  }

  @Override
  public void validate(SpecConfig source) {
    S3Source.from(source);
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    S3Source source = S3Source.from(request.input().source());
    String where = "s3://" + source.bucket() + "/" + source.key();
    events.emit(TOPIC, "Downloading " + where);
    try {
      Path host;
      if (source.singleObject()) {
        String name = SafePaths.fileName(source.key());
        host = SafePaths.resolveInside(request.stagingDir(), name.isEmpty() ? "object" : name);
        storage.get(source.endpoint(), source.bucket(), source.key(), source.versionId(), host);
        verifyChecksum(source, host);
      } else {
        host = Files.createDirectories(request.stagingDir().resolve("objects"));
        List<String> keys =
            S3Selection.select(
                source, storage.list(source.endpoint(), source.bucket(), source.listPrefix()));
        for (String key : keys) {
          Path target = targetFor(host, source, key);
          Files.createDirectories(target.getParent());
          storage.get(source.endpoint(), source.bucket(), key, "", target);
        }
        events.emit(TOPIC, "Downloaded " + keys.size() + " object(s) from " + where);
      }
      return new PreparedInput(request.input(), host, request.input().target(), false);
    } catch (S3Failure f) {
      throw S3Errors.map(
          f, COMPONENT, "download", source.bucket(), source.key(), source.endpoint());
    }
  }

  /** Where a listed object lands: its key relative to the prefix, never outside {@code host}. */
  static Path targetFor(Path host, S3Source source, String key) {
    return SafePaths.resolveInside(host, key.substring(source.relativeTo().length()));
  }

  private static void verifyChecksum(S3Source source, Path file) throws Exception {
    if (source.checksumSha256().isEmpty()) {
      return;
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    String actual = Base64.getEncoder().encodeToString(sha.digest());
    if (!actual.equals(source.checksumSha256())) {
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST,
              "s3://"
                  + source.bucket()
                  + "/"
                  + source.key()
                  + " has SHA-256 "
                  + actual
                  + ", not the expected ChecksumSHA256 "
                  + source.checksumSha256())
          .component(COMPONENT)
          .hint("The object changed since the job was written: update ChecksumSHA256 or VersionID.")
          .detail("S3Code", "ChecksumMismatch")
          .failsExecution(true)
          .build();
    }
  }

  @Override
  public void close() {
    storage.close();
  }
}
