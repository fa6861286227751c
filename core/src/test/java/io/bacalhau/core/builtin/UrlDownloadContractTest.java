package io.bacalhau.core.builtin;

import com.sun.net.httpserver.HttpServer;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.UrlDownloadFactory;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.testing.contract.InputSourceContractTest;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Files served by a real HTTP server on loopback; anything else is a 404. */
public class UrlDownloadContractTest extends InputSourceContractTest {
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private HttpServer server;
  private InputSourceProvider source;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = files.get(exchange.getRequestURI().getPath());
          try (OutputStream out = exchange.getResponseBody()) {
            if (body == null) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
              out.write(body);
            }
          }
        });
    server.start();
    source = factory().create(DownloadSettings.defaults(), new ProviderContext(dir, "n", Map.of()));
  }

  /** The factory under test; {@code s3PreSigned} is the same download with another param. */
  protected UrlDownloadFactory factory() {
    return new UrlDownloadFactory();
  }

  protected String param() {
    return "URL";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  protected InputSourceProvider source() {
    return source;
  }

  @Override
  protected SpecConfig stored(String name, byte[] content) {
    String path = "/files/" + UUID.randomUUID() + "/" + name;
    files.put(path, content);
    String encoded =
        java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    return SpecConfig.of(
        factory().type(),
        Map.of(param(), url(path.substring(0, path.length() - name.length()) + encoded)));
  }

  @Override
  protected Optional<Missing> missing() {
    String url = url("/files/not-there.bin");
    return Optional.of(new Missing(SpecConfig.of(factory().type(), Map.of(param(), url)), url));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of(factory().type(), Map.of(param(), "ftp://example.invalid/data")),
        "Params." + param());
  }
}
