package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local publisher's folder over real HTTP on 127.0.0.1: its archives and nothing else, to GET
 * and HEAD only. Escapes go through curl with {@code --path-as-is}, which sends the path exactly as
 * written, so no client tidies them away before the server sees them.
 */
class ResultFileServerTest {
  @TempDir static Path dataDir;
  static LocalResults local;
  static ResultFileServer server;
  static byte[] archive;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    local = new LocalResults(dataDir, new LocalPublisherConfig(null, 0));
    Files.createDirectories(local.folder());
    archive = new byte[70_000];
    for (int i = 0; i < archive.length; i++) {
      archive[i] = (byte) (i * 31);
    }
    Files.write(local.archive("e-1"), archive);
    Files.writeString(local.folder().resolve("e-2.tar.gz.partial"), "half");
    Files.writeString(local.folder().getParent().resolve("secret.tar.gz"), "secret");
    Files.createDirectories(local.folder().resolve("sub"));
    Files.writeString(local.folder().resolve("sub").resolve("inner.tar.gz"), "inner");
    Files.createSymbolicLink(
        local.folder().resolve("link.tar.gz"), local.folder().getParent().resolve("secret.tar.gz"));
    server = ResultFileServer.start("127.0.0.1", 0, local.folder(), null, Duration.ofSeconds(2));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Status code and body of curl sending {@code rawPath} unchanged. */
  private static String curlRaw(String rawPath) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "--max-time",
                "20",
                "--noproxy",
                "*",
                "--path-as-is",
                "-w",
                " %{http_code}",
                "http://127.0.0.1:" + server.port() + rawPath));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  @Test
  void aRequestWhoseHeadersNeverEndIsDropped() throws Exception {
    assertTrue(
        Api.dropsStalled(server.port(), "GET /e-1.tar.gz HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc"),
        "the server kept the connection open");
  }

  @Test
  void anArchiveIsServedWhole() throws Exception {
    HttpResponse<byte[]> r = send("GET", "/e-1.tar.gz");
    assertEquals(200, r.statusCode());
    assertArrayEquals(archive, r.body());
    assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void headTellsTheSizeWithoutTheBody() throws Exception {
    HttpResponse<byte[]> r = send("HEAD", "/e-1.tar.gz");
    assertEquals(200, r.statusCode());
    assertEquals(
        String.valueOf(archive.length), r.headers().firstValue("Content-Length").orElse(""));
    assertEquals(0, r.body().length);
  }

  @Test
  void unknownAndUnfinishedArchivesAreNotFound() throws Exception {
    for (String path :
        List.of("/e-9.tar.gz", "/e-2.tar.gz.partial", "/", "/sub/inner.tar.gz", "/sub")) {
      assertEquals(404, send("GET", path).statusCode(), path);
    }
  }

  @Test
  void pathsThatLeaveTheFolderAreRefusedEncodedOrNot() throws Exception {
    for (String path :
        List.of(
            "/../secret.tar.gz",
            "/..%2Fsecret.tar.gz",
            "/%2e%2e/secret.tar.gz",
            "/%2E%2E%2Fsecret.tar.gz",
            "/sub/../../secret.tar.gz",
            "/..%5Csecret.tar.gz",
            "/link.tar.gz",
            "/e-1.tar.gz;x=../../secret.tar.gz")) {
      String answer = curlRaw(path);
      assertTrue(answer.endsWith(" 404"), path + ": " + answer);
      assertFalse(answer.contains("secret "), path + ": " + answer);
    }
  }

  @Test
  void onlyGetAndHeadAreAnswered() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      assertEquals(404, send(method, "/e-1.tar.gz").statusCode(), method);
    }
    assertArrayEquals(archive, Files.readAllBytes(local.archive("e-1")), "left as it was");
  }

  @Test
  void theBindAddressIsThePublishedOneOnlyWhenItIsThisMachines() {
    assertEquals("127.0.0.1", BindAddress.forPublished("127.0.0.1"));
    // Literals: resolving them sends nothing anywhere.
    assertEquals("127.0.0.1", BindAddress.forPublished("203.0.113.9"), "not this machine's");
    assertEquals("127.0.0.1", BindAddress.forPublished("0.0.0.0"), "a wildcard names no address");
    assertTrue(BindAddress.isThisMachines("127.0.0.1"));
    assertFalse(BindAddress.isThisMachines("203.0.113.9"));
  }
}
