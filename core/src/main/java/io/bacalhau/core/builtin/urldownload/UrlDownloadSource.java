package io.bacalhau.core.builtin.urldownload;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Downloads an http(s) URL; the file appears at the input's target. Serves {@code urlDownload}
 * (param {@code URL}) and {@code s3PreSigned} (param {@code PreSignedURL}: an S3 object's
 * pre-signed GET URL, which needs no credentials, only HTTP).
 */
final class UrlDownloadSource implements InputSourceProvider {
  private final HttpFetcher fetcher;
  private final String param;

  UrlDownloadSource(HttpFetcher fetcher, String param) {
    this.fetcher = fetcher;
    this.param = param;
  }

  @Override
  public void validate(SpecConfig source) {
    url(source, param);
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    URI url = url(request.input().source(), param);
    events.emit(HistoryTopics.DOWNLOADING_INPUTS, "Downloading " + withoutQuery(url));
    Path file = fetcher.fetch(url, request.stagingDir(), events);
    return new PreparedInput(request.input(), file, request.input().target(), false);
  }

  /** A pre-signed URL's query is its signature: a credential the history must not keep. */
  private static String withoutQuery(URI url) {
    String s = url.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q) + "?...";
  }

  static URI url(SpecConfig source) {
    return url(source, "URL");
  }

  static URI url(SpecConfig source, String param) {
    Object value = source.param(param);
    try {
      URI url = URI.create(String.valueOf(value).strip());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR,
            "InputSources.Source.Params."
                + param
                + ": expected an http:// or https:// URL, got '"
                + value
                + "'")
        .component("URLDownload")
        .failsExecution(true)
        .build();
  }
}
