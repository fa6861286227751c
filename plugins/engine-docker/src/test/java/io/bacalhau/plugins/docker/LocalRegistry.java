package io.bacalhau.plugins.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A minimal read-only Docker registry (v2 API over plain HTTP on 127.0.0.1, which the daemon treats
 * as insecure-allowed) serving one image taken from {@code docker save}, so pulls can be tested
 * with no registry on the network.
 */
final class LocalRegistry implements AutoCloseable {
  private static final String MANIFEST_TYPE =
      "application/vnd.docker.distribution.manifest.v2+json";
  private final HttpServer server;
  private final Map<String, byte[]> blobs = new HashMap<>();
  private String requiredAuthorization;
  private byte[] manifest;
  private String manifestDigest;

  private LocalRegistry(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code savedImage} (an image present in the daemon) under any name and tag. */
  static LocalRegistry serving(String savedImage) throws IOException, InterruptedException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalRegistry registry = new LocalRegistry(http);
    registry.load(save(savedImage));
    http.createContext("/v2/", registry::handle);
    http.start();
    return registry;
  }

  /** From now on, every request needs HTTP Basic credentials, as private registries do. */
  LocalRegistry requireLogin(String user, String password) {
    requiredAuthorization =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private static byte[] save(String image) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("docker", "save", image).redirectErrorStream(false).start();
    byte[] tar = p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("docker save " + image + " failed");
    }
    return tar;
  }

  private void load(byte[] tar) throws IOException {
    Map<String, byte[]> files = Tar.entries(new ByteArrayInputStream(tar));
    JsonNode saved = new ObjectMapper().readTree(files.get("manifest.json")).get(0);
    byte[] config = files.get(saved.get("Config").asText());
    StringBuilder layers = new StringBuilder();
    for (JsonNode layer : saved.get("Layers")) {
      byte[] bytes = files.get(layer.asText());
      String digest = put(bytes);
      layers
          .append(layers.isEmpty() ? "" : ",")
          .append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar\",\"size\":")
          .append(bytes.length)
          .append(",\"digest\":\"")
          .append(digest)
          .append("\"}");
    }
    manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + MANIFEST_TYPE
                + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + config.length
                + ",\"digest\":\""
                + put(config)
                + "\"},\"layers\":["
                + layers
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    manifestDigest = digest(manifest);
  }

  private String put(byte[] bytes) {
    String d = digest(bytes);
    blobs.put(d, bytes);
    return d;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      boolean head = exchange.getRequestMethod().equals("HEAD");
      if (requiredAuthorization != null
          && !requiredAuthorization.equals(
              exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
        send(exchange, 401, "application/json", new byte[0], head);
        return;
      }
      if (path.equals("/v2/")) {
        send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), head);
      } else if (path.contains("/manifests/")) {
        exchange.getResponseHeaders().add("Docker-Content-Digest", manifestDigest);
        send(exchange, 200, MANIFEST_TYPE, manifest, head);
      } else if (path.contains("/blobs/")) {
        byte[] blob = blobs.get(path.substring(path.lastIndexOf('/') + 1));
        if (blob == null) {
          send(exchange, 404, "application/json", new byte[0], head);
        } else {
          exchange.getResponseHeaders().add("Docker-Content-Digest", digest(blob));
          send(exchange, 200, "application/octet-stream", blob, head);
        }
      } else {
        send(exchange, 404, "application/json", new byte[0], head);
      }
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body, boolean head)
      throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.getResponseHeaders().add("Docker-Distribution-Api-Version", "registry/2.0");
    if (head) {
      ex.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
      ex.sendResponseHeaders(status, -1);
    } else {
      ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      ex.getResponseBody().write(body);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Just enough of ustar to read {@code docker save} output. */
  static final class Tar {
    static Map<String, byte[]> entries(InputStream in) throws IOException {
      Map<String, byte[]> out = new HashMap<>();
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size =
            Long.parseLong(
                field(header, 124, 12).strip().isEmpty() ? "0" : field(header, 124, 12).strip(), 8);
        byte[] data = in.readNBytes((int) size);
        in.skipNBytes((512 - size % 512) % 512);
        if (header[156] == '0' || header[156] == 0) {
          out.put(prefix.isEmpty() ? name : prefix + "/" + name, data);
        }
      }
      return out;
    }

    private static String field(byte[] h, int off, int len) {
      int end = off;
      while (end < off + len && h[end] != 0) {
        end++;
      }
      return new String(h, off, end - off, StandardCharsets.US_ASCII);
    }
  }
}
