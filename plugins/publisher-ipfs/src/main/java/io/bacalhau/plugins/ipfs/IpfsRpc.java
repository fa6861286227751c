package io.bacalhau.plugins.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The only class that speaks to an IPFS node: the Kubo-compatible HTTP RPC API ({@code
 * /api/v0/add}, {@code get}, {@code version}). Calls that look a CID up always carry a {@code
 * timeout}, because a node asked for a CID it lacks searches the network indefinitely.
 */
final class IpfsRpc {
  private static final String ROOT = "root";
  // The RPC's answers are read as trees only, so a plain mapper reads them as well as any.
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IpfsEndpoint endpoint;
  private final Duration lookupTimeout;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  IpfsRpc(IpfsEndpoint endpoint, Duration lookupTimeout) {
    this.endpoint = endpoint;
    this.lookupTimeout = lookupTimeout;
  }

  IpfsEndpoint endpoint() {
    return endpoint;
  }

  /** The node's version string. */
  String version() throws IOException, InterruptedException {
    try (InputStream in = post("version", "", BodyPublishers.noBody())) {
      return JSON.readTree(in).path("Version").asText();
    }
  }

  /** Adds a folder (or one file) as CIDv1 with raw leaves; returns its CID in base32. */
  String add(Path path) throws IOException, InterruptedException {
    return add(path, 1);
  }

  /** Adds with the node's defaults for a CID version: v0 with dag-pb leaves, v1 with raw leaves. */
  String add(Path path, int cidVersion) throws IOException, InterruptedException {
    String boundary = "bacalhau-" + UUID.randomUUID();
    List<BodyPublisher> parts = new ArrayList<>();
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> entries;
      try (Stream<Path> walk = Files.walk(path)) {
        entries = walk.filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
      }
      for (Path p : entries) {
        String name =
            ROOT + (p.equals(path) ? "" : "/" + path.relativize(p).toString().replace('\\', '/'));
        parts.addAll(part(boundary, name, Files.isDirectory(p) ? null : p));
      }
    } else {
      parts.addAll(part(boundary, ROOT, path));
    }
    parts.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
    String query =
        cidVersion == 0
            ? "cid-version=0&pin=true&progress=false"
            : "cid-version=1&raw-leaves=true&cid-base=base32&pin=true&progress=false";
    String rootCid = "";
    try (InputStream in =
        post(
            "add",
            query,
            BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)),
            "multipart/form-data; boundary=" + boundary)) {
      // One JSON object per added entry; the root comes last, but match its name to be sure.
      for (JsonNode entry : (Iterable<JsonNode>) () -> jsonLines(in)) {
        if (entry.path("Name").asText().equals(ROOT)) {
          rootCid = entry.path("Hash").asText();
        }
      }
    }
    if (rootCid.isEmpty()) {
      throw new IpfsFailure(0, "the node's add answer named no root CID");
    }
    return rootCid;
  }

  /** Streams {@code get} of a CID: a tar whose first path component is the CID. */
  InputStream get(String cid) throws IOException, InterruptedException {
    String query =
        "arg="
            + URLEncoder.encode(cid, StandardCharsets.UTF_8)
            + "&timeout="
            + lookupTimeout.toSeconds()
            + "s";
    return post("get", query, BodyPublishers.noBody());
  }

  private static List<BodyPublisher> part(String boundary, String name, Path file) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    String contentType = file == null ? "application/x-directory" : "application/octet-stream";
    String header =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + encoded
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n";
    List<BodyPublisher> parts = new ArrayList<>();
    parts.add(BodyPublishers.ofString(header));
    if (file != null) {
      try {
        parts.add(BodyPublishers.ofFile(file));
      } catch (java.io.FileNotFoundException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    parts.add(BodyPublishers.ofString("\r\n"));
    return parts;
  }

  private InputStream post(String command, String query, BodyPublisher body)
      throws IOException, InterruptedException {
    return post(command, query, body, null);
  }

  private InputStream post(String command, String query, BodyPublisher body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.api(command, query)).POST(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (ConnectException e) {
      throw new IpfsFailure(0, "cannot connect to the IPFS node at " + endpoint + ": " + e);
    }
    if (response.statusCode() / 100 != 2) {
      String message;
      try (InputStream in = response.body()) {
        String text = new String(in.readNBytes(8192), StandardCharsets.UTF_8);
        JsonNode json = text.startsWith("{") ? JSON.readTree(text) : null;
        message = json == null ? text.strip() : json.path("Message").asText(text.strip());
      }
      throw new IpfsFailure(response.statusCode(), message);
    }
    return response.body();
  }

  private static java.util.Iterator<JsonNode> jsonLines(InputStream in) {
    try {
      return JSON.readerFor(JsonNode.class).readValues(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
