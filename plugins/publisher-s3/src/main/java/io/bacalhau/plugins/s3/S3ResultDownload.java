package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.archive.TarGz;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches a published S3 result for {@code job get}: a {@code .tar.gz} through a pre-signed URL
 * (plain HTTPS, as the Go client does) unless pre-signing is disabled, a plain prefix object by
 * object. Nothing lands outside the target folder.
 */
final class S3ResultDownload {
  /** Per-file limit when unpacking, as Bacalhau's downloader has it. */
  static final long MAX_FILE_BYTES = 100L * 1024 * 1024 * 1024;

  private final S3Storage storage;
  private final S3PublisherConfig config;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(30))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  S3ResultDownload(S3Storage storage, S3PublisherConfig config) {
    this.storage = storage;
    this.config = config;
  }

  void download(SpecConfig published, Path into) throws Exception {
    S3Params params = new S3Params(published, "PublishedResult.Params", S3Publisher.COMPONENT);
    String bucket = params.required("Bucket");
    String key = params.required("Key");
    S3Endpoint endpoint = S3Endpoint.of(params, "PublishedResult.Params");
    params.check();
    Files.createDirectories(into);
    try {
      if (key.endsWith("/")) {
        for (S3Storage.Listed object : storage.list(endpoint, bucket, key)) {
          String relative = object.key().substring(key.length());
          if (relative.isEmpty() || relative.endsWith("/")) {
            continue; // "folder" marker objects
          }
          Path target = SafePaths.resolveInside(into, relative);
          Files.createDirectories(target.getParent());
          storage.get(endpoint, bucket, object.key(), "", target);
        }
      } else if (config.preSignedUrlDisabled()) {
        try (InputStream in = storage.open(endpoint, bucket, key)) {
          TarGz.unpack(in, into, MAX_FILE_BYTES);
        }
      } else {
        URI url = storage.presignGet(endpoint, bucket, key, config.expiration());
        try (InputStream in = httpGet(url, bucket, key)) {
          TarGz.unpack(in, into, MAX_FILE_BYTES);
        }
      }
    } catch (S3Failure f) {
      throw S3Errors.map(f, S3Publisher.COMPONENT, "download", bucket, key, endpoint);
    }
  }

  private InputStream httpGet(URI url, String bucket, String key)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      }
      String code = between(body, "<Code>", "</Code>");
      if (!code.isEmpty()) {
        throw new S3Failure(
            response.statusCode(), code, "", between(body, "<Message>", "</Message>"), null);
      }
      throw BacalhauException.builder(
              ErrorCode.NETWORK_FAILURE,
              "downloading s3://"
                  + bucket
                  + "/"
                  + key
                  + " through its pre-signed URL failed with HTTP "
                  + response.statusCode())
          .component(S3Publisher.COMPONENT)
          .build();
    }
    return response.body();
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open);
    int end = text.indexOf(close, start + 1);
    return start < 0 || end < 0 ? "" : text.substring(start + open.length(), end);
  }
}
