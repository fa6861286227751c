package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publisher keys, input selections and the validation messages users see for bad params. */
class S3ParamsTest {

  @Test
  void keyPlaceholdersAreFilledInUtc() {
    ZonedDateTime now = ZonedDateTime.of(2026, 3, 4, 23, 5, 6, 0, ZoneOffset.ofHours(-2));
    assertEquals(
        "r/j-1/e-2/n-3/20260305/010506",
        KeyTemplate.render(
            "r/{jobID}/{executionID}/{nodeID}/{date}/{time}", "j-1", "e-2", "n-3", now));
    assertEquals("a.tar.gz", KeyTemplate.archiveKey("a"));
    assertEquals("a.tar.gz", KeyTemplate.archiveKey("a.tar.gz"));
    assertEquals("a/", KeyTemplate.prefix("a"));
    assertEquals("a/", KeyTemplate.prefix("a/"));
  }

  @Test
  void everyPublisherProblemIsReportedAtOnceWithItsField() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                S3Target.from(
                    SpecConfig.of(
                        "s3",
                        Map.of("Encoding", "zip", "Endpoint", "ftp://x", "Region", "EU West"))));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("S3Publisher", e.component());
    for (String part :
        new String[] {
          "Publisher.Params.Bucket is required",
          "Publisher.Params.Key is required",
          "Encoding 'zip' is not one of: gzip, plain",
          "Endpoint 'ftp://x' must be an http(s) URL",
          "Region 'EU West'"
        }) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }

  @Test
  void defaultsAreGzipAndAws() {
    S3Target target = S3Target.from(SpecConfig.of("s3", Map.of("Bucket", "b", "Key", "k")));
    assertTrue(target.gzip());
    assertTrue(target.endpoint().isAws());
    assertFalse(
        S3Target.from(SpecConfig.of("s3", Map.of("Bucket", "b", "Key", "k", "Encoding", "PLAIN")))
            .gzip());
  }

  @Test
  void inputKeysSelectAnObjectAPrefixOrAWildcard() {
    S3Source exact = source(Map.of("Bucket", "b", "Key", "data/a.csv"));
    assertTrue(exact.singleObject());
    S3Source folder = source(Map.of("Bucket", "b", "Key", "data/"));
    assertFalse(folder.singleObject());
    assertEquals("data/", folder.listPrefix());
    assertEquals("data/", folder.relativeTo());
    S3Source wildcard = source(Map.of("Bucket", "b", "Key", "data/2024-*"));
    assertEquals("data/2024-", wildcard.listPrefix());
    assertEquals("data/", wildcard.relativeTo());
    S3Source bucket = source(Map.of("Bucket", "b"));
    assertEquals("", bucket.listPrefix());
  }

  @Test
  void filterMatchesTheKeyRemainderAndFolderMarkersAreSkipped() {
    S3Source source = source(Map.of("Bucket", "b", "Key", "data/", "Filter", "\\.csv$"));
    var keys =
        S3Selection.select(
            source,
            java.util.List.of(
                new S3Storage.Listed("data/", 0),
                new S3Storage.Listed("data/a.csv", 1),
                new S3Storage.Listed("data/b.txt", 1),
                new S3Storage.Listed("data/sub/c.csv", 1)));
    assertEquals(java.util.List.of("data/a.csv", "data/sub/c.csv"), keys);
    BacalhauException none =
        assertThrows(
            BacalhauException.class,
            () ->
                S3Selection.select(
                    source, java.util.List.of(new S3Storage.Listed("data/b.txt", 1))));
    assertEquals(ErrorCode.NOT_FOUND, none.code());
    assertTrue(none.getMessage().contains("match Filter"), none.getMessage());
  }

  @Test
  void objectKeysCannotEscapeTheStagingFolder() {
    S3Source source = source(Map.of("Bucket", "b", "Key", "in/"));
    Path host = Path.of("/tmp/staging/objects");
    assertEquals(host.resolve("x/y.txt"), S3InputSource.targetFor(host, source, "in/x/y.txt"));
    for (String evil : new String[] {"in/../../etc/passwd", "in/a/../../../x", "in//etc/passwd"}) {
      assertThrows(
          BacalhauException.class, () -> S3InputSource.targetFor(host, source, evil), evil);
    }
  }

  @Test
  void everyInputProblemIsReportedAtOnce() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                source(
                    Map.of(
                        "Key",
                        "data/",
                        "Filter",
                        "([",
                        "VersionID",
                        "v1",
                        "ChecksumSHA256",
                        "nope")));
    for (String part :
        new String[] {
          "InputSource.Source.Params.Bucket is required",
          "Filter '([' is not a valid regex",
          "VersionID only applies to a single object key",
          "ChecksumSHA256 only applies to a single object key",
          "ChecksumSHA256 must be the base64 SHA-256"
        }) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertEquals("S3InputSource", e.component());
  }

  private static S3Source source(Map<String, Object> params) {
    return S3Source.from(SpecConfig.of("s3", params));
  }
}
