package io.bacalhau.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.net.FakeResolver;
import io.bacalhau.core.spi.net.LoopbackTrap;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * urlDownload refuses internal addresses before it connects, for the URL and for every redirect.
 * Only loopback is ever contacted: a refused host is either a loopback address on a node that
 * refuses loopback, or a name the resolver stand-in maps to an internal address while the system
 * would resolve it to loopback. Behind each refused host waits a {@link LoopbackTrap}, so a fetcher
 * that failed to refuse would be caught connecting there.
 */
class UrlDownloadAddressTest {
  @TempDir Path dir;
  HttpServer server;
  LoopbackTrap trap;
  final AtomicInteger redirects = new AtomicInteger();
  final FakeResolver resolver = new FakeResolver();

  @BeforeEach
  void start() throws IOException {
    trap = new LoopbackTrap();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/to-trap", ex -> redirect(ex, "http://localhost:" + trap.port() + "/meta-data"));
    server.createContext("/x/relative", ex -> redirect(ex, "../data/file.csv"));
    server.createContext("/loop", ex -> redirect(ex, "/loop"));
    server.createContext("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    server.createContext(
        "/data/file.csv",
        ex -> {
          byte[] body = "a,b\n".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private void redirect(com.sun.net.httpserver.HttpExchange ex, String location)
      throws IOException {
    redirects.incrementAndGet();
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }

  @AfterEach
  void stop() throws IOException {
    server.stop(0);
    trap.close();
  }

  private Path fetch(AddressPolicy policy, String url) throws Exception {
    return new HttpFetcher(new DownloadSettings("10s", 0, "1Mb"), policy)
        .fetch(URI.create(url), dir, ExecutionEvents.NONE);
  }

  private String serverUrl(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private BacalhauException refused(AddressPolicy policy, String url) {
    BacalhauException e = assertThrows(BacalhauException.class, () -> fetch(policy, url));
    assertEquals(ErrorCode.FORBIDDEN, e.code(), e.getMessage());
    assertEquals(0, trap.connections(), "the refused address was connected to");
    return e;
  }

  @Test
  void urlDownloadOfLoopbackIsRefusedOnANodeServingBeyondLoopback() {
    AddressPolicy exposed = AddressPolicy.of(false, List.of(), resolver);
    BacalhauException e = refused(exposed, "http://127.0.0.1:" + trap.port() + "/");
    assertTrue(e.getMessage().contains("the address is loopback"), e.getMessage());
    resolver.answer("localhost", "127.0.0.1");
    refused(exposed, "http://localhost:" + trap.port() + "/");
  }

  @Test
  void urlDownloadOfTheMetadataServiceIsRefusedBeforeConnecting() {
    resolver.answer("localhost", "169.254.169.254");
    BacalhauException e =
        refused(
            AddressPolicy.of(true, List.of(), resolver),
            "http://localhost:" + trap.port() + "/latest/meta-data/");
    assertTrue(e.getMessage().contains("localhost (169.254.169.254)"), e.getMessage());
    assertTrue(e.failsExecution());
  }

  @Test
  void aRedirectFromAnAllowedServerToAnInternalAddressIsRefusedBeforeConnecting() {
    resolver.answer("localhost", "10.0.0.7");
    BacalhauException e =
        refused(AddressPolicy.of(true, List.of(), resolver), serverUrl("/to-trap"));
    assertTrue(e.getMessage().contains("localhost (10.0.0.7)"), e.getMessage());
    assertEquals(1, redirects.get());
    assertEquals(List.of("127.0.0.1", "localhost"), resolver.asked());
  }

  @Test
  void allowedRedirectsAreFollowed() throws Exception {
    Path file = fetch(AddressPolicy.of(true, List.of(), resolver), serverUrl("/x/relative"));
    assertEquals("a,b\n", Files.readString(file));
    assertEquals(List.of("127.0.0.1", "127.0.0.1"), resolver.asked());
  }

  @Test
  void theAllowListLetsAnExposedNodeReachAnInternalServer() throws Exception {
    Path file =
        fetch(AddressPolicy.of(false, List.of("127.0.0.1"), resolver), serverUrl("/data/file.csv"));
    assertEquals("a,b\n", Files.readString(file));
  }

  @Test
  void redirectsAreCapped() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> fetch(AddressPolicy.of(true, List.of(), resolver), serverUrl("/loop")));
    assertTrue(e.getMessage().contains("more than 10 redirects"), e.getMessage());
    assertEquals(11, redirects.get());
  }

  @Test
  void aRedirectToAnotherSchemeFails() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> fetch(AddressPolicy.of(true, List.of(), resolver), serverUrl("/to-file")));
    assertTrue(e.getMessage().contains("'file:///etc/passwd'"), e.getMessage());
  }
}
