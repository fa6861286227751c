package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.archive.TarGz;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Publishes an execution's results to S3: by default one {@code .tar.gz} object, with {@code
 * Encoding: plain} one object per file under a prefix. Downloads them back for {@code job get}.
 */
final class S3Publisher implements Publisher {
  static final String COMPONENT = "S3Publisher";
  static final String TOPIC = "Publishing Results";

  private final S3Storage storage;
  private final S3ResultDownload download;

  S3Publisher(S3Storage storage, S3ResultDownload download) {
    this.storage = storage;
    this.download = download;
  }

  @Override
  public void validate(SpecConfig publisherSpec) {
    S3Target.from(publisherSpec);
  }

  @Override
  public SpecConfig publish(PublishRequest request, ExecutionEvents events) throws Exception {
    S3Target target = S3Target.from(request.publisherSpec());
    String rendered =
        KeyTemplate.render(
            target.key(),
            request.job().id(),
            request.executionId(),
            request.nodeId(),
            ZonedDateTime.now());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("Bucket", target.bucket());
    if (target.gzip()) {
      String key = KeyTemplate.archiveKey(rendered);
      events.emit(TOPIC, "Uploading results to s3://" + target.bucket() + "/" + key);
      Path archive = Files.createTempFile("bacalhau-s3-", ".tar.gz");
      try {
        String checksum = pack(request.resultsDir(), archive);
        String version = put(target, key, archive);
        result.put("Key", key);
        result.put("ChecksumSHA256", checksum);
        putIfSet(result, "VersionID", version);
      } finally {
        Files.deleteIfExists(archive);
      }
    } else {
      String prefix = KeyTemplate.prefix(rendered);
      events.emit(TOPIC, "Uploading results to s3://" + target.bucket() + "/" + prefix);
      for (Path file : files(request.resultsDir())) {
        String relative = request.resultsDir().relativize(file).toString().replace('\\', '/');
        put(target, prefix + relative, file);
      }
      result.put("Key", prefix);
    }
    putIfSet(result, "Endpoint", target.endpoint().endpoint());
    putIfSet(result, "Region", target.endpoint().region());
    return SpecConfig.of("s3", result);
  }

  @Override
  public void download(SpecConfig publishedResult, Path into) throws Exception {
    download.download(publishedResult, into);
  }

  private String put(S3Target target, String key, Path file) {
    try {
      return storage.put(target.endpoint(), target.bucket(), key, file);
    } catch (S3Failure f) {
      throw S3Errors.map(
          diagnose(target, f), COMPONENT, "upload to", target.bucket(), key, target.endpoint());
    }
  }

  /** A connection cut during an upload is often a refusal: ask the bucket what it was. */
  private S3Failure diagnose(S3Target target, S3Failure failure) {
    if (failure.status() != 0) {
      return failure;
    }
    try {
      storage.headBucket(target.endpoint(), target.bucket());
      return failure;
    } catch (S3Failure probe) {
      return probe.status() == 0 ? failure : probe;
    }
  }

  /** Packs the results and returns the archive's SHA-256, base64 as S3 reports checksums. */
  private static String pack(Path dir, Path archive) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(archive), sha)) {
      TarGz.pack(dir, out);
    }
    return Base64.getEncoder().encodeToString(sha.digest());
  }

  /** Regular files under dir in a stable order; links are skipped, never followed. */
  static List<Path> files(Path dir) throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .toList();
    }
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  @Override
  public void close() {
    storage.close();
  }
}
