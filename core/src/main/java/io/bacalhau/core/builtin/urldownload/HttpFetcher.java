package io.bacalhau.core.builtin.urldownload;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Downloads one URL into a folder with retries: network errors and 5xx/429 answers are retried with
 * a growing pause; other statuses fail at once with the URL and status. The body is bounded.
 * Redirects are followed here, not by the HTTP client, so that the address policy checks every host
 * before it is contacted.
 */
public final class HttpFetcher {
  static final String COMPONENT = "URLDownload";
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** As many redirects as Go's HTTP client follows, which Bacalhau's downloader uses. */
  static final int MAX_REDIRECTS = 10;

  private final HttpClient client;
  private final DownloadSettings settings;
  private final AddressPolicy policy;

  public HttpFetcher(DownloadSettings settings, AddressPolicy policy) {
    this.settings = settings;
    this.policy = policy;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Saves the body under its own file name in {@code folder}; returns the file. */
  public Path fetch(URI url, Path folder, ExecutionEvents events)
      throws IOException, InterruptedException {
    int attempts = settings.retries() + 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(url, folder);
      } catch (Retryable e) {
        if (attempt >= attempts) {
          throw failure(url, e.getMessage() + " after " + attempts + " attempt(s)", e.status);
        }
        events.error(
            HistoryTopics.DOWNLOADING_INPUTS,
            failure(url, e.getMessage() + "; retrying", e.status));
        Thread.sleep(Math.min(10_000, 250L << (attempt - 1)));
      }
    }
  }

  private Path once(URI url, Path folder) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = send(url);
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      if (status == 429 || status >= 500) {
        throw new Retryable("HTTP " + status, status);
      }
      if (status >= 300) {
        throw failure(url, "HTTP " + status, status);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > settings.maxBytes()) {
        throw tooBig(url);
      }
      String name = FileNames.of(url, response.headers().firstValue("Content-Disposition"));
      Path file = SafePaths.resolveInside(folder, name);
      if (copyBounded(body, file) > settings.maxBytes()) {
        Files.deleteIfExists(file);
        throw tooBig(url);
      }
      return file;
    }
  }

  /** GETs the URL, following redirects after checking each new host; the final answer. */
  private HttpResponse<InputStream> send(URI url) throws IOException, InterruptedException {
    URI current = url;
    for (int redirects = 0; ; redirects++) {
      try {
        policy.check(current, COMPONENT);
      } catch (UnknownHostException e) {
        throw new Retryable("unknown host " + current.getHost(), 0);
      }
      HttpRequest request =
          HttpRequest.newBuilder(current).timeout(settings.timeout()).GET().build();
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        throw new Retryable(String.valueOf(e.getMessage() == null ? e : e.getMessage()), 0);
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
        return response;
      }
      response.body().close();
      if (redirects >= MAX_REDIRECTS) {
        throw failure(url, "more than " + MAX_REDIRECTS + " redirects", response.statusCode());
      }
      current = redirectTarget(url, current, location.get(), response.statusCode());
    }
  }

  private static URI redirectTarget(URI url, URI current, String location, int status) {
    try {
      URI next = current.resolve(location.strip());
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && next.getHost() != null) {
        return next;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw failure(url, "redirected to '" + location + "', which is not an http(s) URL", status);
  }

  private long copyBounded(InputStream in, Path file) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > settings.maxBytes()) {
          return total;
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  private BacalhauException tooBig(URI url) {
    return BacalhauException.builder(
            ErrorCode.RESOURCE_EXHAUSTED,
            "download of " + url + " is larger than the limit of " + settings.maxBytes() + " bytes")
        .component(COMPONENT)
        .hint("Raise InputSources.MaxDownloadSize, or fetch the data from S3 or IPFS.")
        .failsExecution(true)
        .build();
  }

  private static BacalhauException failure(URI url, String what, int status) {
    BacalhauException.Builder b =
        BacalhauException.builder(
                ErrorCode.NETWORK_FAILURE, "failed to download " + url + ": " + what)
            .component(COMPONENT)
            .failsExecution(true)
            .retryable(status == 0 || status >= 500);
    if (status == 404) {
      b.hint("Check the URL: the server says it does not exist.");
    }
    return b.build();
  }

  /** A failure worth another try. */
  private static final class Retryable extends IOException {
    private final int status;

    Retryable(String message, int status) {
      super(message);
      this.status = status;
    }
  }
}
