package io.bacalhau.core.compute;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code JobAdmissionControl.ProbeHTTP}: POSTs the bid request JSON to the configured URL. A status
 * of 400 or more means no bid; a JSON answer ({@code {"ShouldBid": false, "Reason": "..."}})
 * decides with its own reason; any other answer means bid. The URL is the operator's, not a job's,
 * so no address policy applies to it.
 */
final class ProbeHttp {
  private final URI url;
  private final Duration timeout;
  private final HttpClient client;

  ProbeHttp(String url, Duration timeout) {
    this.url = URI.create(url);
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** What a probe may answer in JSON, Bacalhau's BidStrategyResponse. */
  record Answer(
      @JsonProperty("ShouldBid") Boolean shouldBid, @JsonProperty("Reason") String reason) {}

  /** Null when the probe says bid, else the reason it does not. */
  String rejection(String requestJson) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(requestJson))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return "this node does not accept this job: its ProbeHTTP url \""
          + url
          + "\" did not answer within "
          + timeout.toSeconds()
          + "s";
    } catch (IOException e) {
      return "this node could not ask its ProbeHTTP url \"" + url + "\": " + e;
    }
    if (response.statusCode() >= 400) {
      return "this node does not accept jobs where url \""
          + url
          + "\" returns HTTP status code "
          + response.statusCode();
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return null;
    }
    Answer answer;
    try {
      answer = Codecs.json().readValue(response.body(), Answer.class);
    } catch (JsonProcessingException e) {
      return "this node could not read the answer of its ProbeHTTP url \""
          + url
          + "\": "
          + e.getOriginalMessage();
    }
    if (answer == null || answer.shouldBid() == null || answer.shouldBid()) {
      return null;
    }
    String reason = answer.reason() == null ? "" : answer.reason().strip();
    return "this node does not accept this job: "
        + (reason.isEmpty() ? "its ProbeHTTP url \"" + url + "\" said no" : reason);
  }
}
