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

/** Downloads an http(s) URL; the file appears at the input's target. */
final class UrlDownloadSource implements InputSourceProvider {
  private final HttpFetcher fetcher;

  UrlDownloadSource(HttpFetcher fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public void validate(SpecConfig source) {
    url(source);
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    URI url = url(request.input().source());
    events.emit(HistoryTopics.DOWNLOADING_INPUTS, "Downloading " + url);
    Path file = fetcher.fetch(url, request.stagingDir(), events);
    return new PreparedInput(request.input(), file, request.input().target(), false);
  }

  static URI url(SpecConfig source) {
    Object value = source.param("URL");
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
            "InputSources.Source.Params.URL: expected an http:// or https:// URL, got '"
                + value
                + "'")
        .component("URLDownload")
        .failsExecution(true)
        .build();
  }
}
