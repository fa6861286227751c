package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import io.bacalhau.testing.contract.InputSourceContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The s3 input source reading single objects from a real S3 server. Objects are written straight
 * into the server's filesystem blob store, so that what is read was not uploaded by our own client.
 */
class S3InputSourceContractTest extends InputSourceContractTest {
  private S3ProxyServer server;
  private String bucket;
  private InputSourceProvider source;

  @BeforeEach
  void server() throws Exception {
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    server = S3ProxyServer.shared();
    bucket = "contract-in-" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(server.blobs().resolve(bucket));
    source =
        new S3InputSourceFactory()
            .create(new S3InputSourceConfig(), new ProviderContext(dir, "n", server.env()));
  }

  @AfterEach
  void close() {
    if (source != null) {
      source.close();
    }
  }

  private SpecConfig spec(String key) {
    return SpecConfig.of("s3", Map.of("Bucket", bucket, "Key", key, "Endpoint", server.endpoint()));
  }

  @Override
  protected InputSourceProvider source() {
    return source;
  }

  @Override
  protected SpecConfig stored(String name, byte[] content) throws Exception {
    String key = "in/" + UUID.randomUUID() + "/" + name;
    Path object = server.blobs().resolve(bucket).resolve(key);
    Files.createDirectories(object.getParent());
    Files.write(object, content);
    return spec(key);
  }

  @Override
  protected Optional<Missing> missing() {
    return Optional.of(
        new Missing(spec("in/not-there.bin"), "s3://" + bucket + "/in/not-there.bin"));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("s3", Map.of("Key", "in/x", "Endpoint", server.endpoint())), "Params.Bucket");
  }
}
