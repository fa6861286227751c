package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.net.FakeResolver;
import io.bacalhau.core.spi.net.LoopbackTrap;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's S3 {@code Endpoint} may not point at an internal address. The endpoint is {@code
 * localhost}, which the resolver stand-in maps to the cloud metadata address; the system would
 * resolve it to loopback, where a trap socket counts connections, so a request that was not refused
 * would be caught there and no packet ever leaves loopback.
 */
class S3EndpointAddressTest {
  @TempDir Path dir;
  LoopbackTrap trap;
  ProviderContext context;

  @BeforeEach
  void start() throws IOException {
    trap = new LoopbackTrap();
    FakeResolver resolver = new FakeResolver().answer("localhost", "169.254.169.254");
    context =
        new ProviderContext(
            dir,
            "n-1",
            Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret"),
            AddressPolicy.of(true, List.of(), resolver));
  }

  @AfterEach
  void stop() throws IOException {
    trap.close();
  }

  private Map<String, Object> params() {
    return Map.of("Bucket", "b", "Key", "k", "Endpoint", "http://localhost:" + trap.port());
  }

  private void assertRefused(BacalhauException e) {
    assertEquals(ErrorCode.FORBIDDEN, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("localhost (169.254.169.254)"), e.getMessage());
    assertEquals(0, trap.connections(), "the refused endpoint was connected to");
  }

  @Test
  void anS3InputWhoseEndpointIsTheMetadataServiceIsRefusedBeforeConnecting() {
    try (InputSourceProvider source =
        new S3InputSourceFactory().create(new S3InputSourceConfig(), context)) {
      InputSource input = new InputSource(SpecConfig.of("s3", params()), "", "/inputs");
      assertRefused(
          assertThrows(
              BacalhauException.class,
              () ->
                  source.prepare(
                      new PrepareRequest(Job.builder().build(), "e-1", input, dir),
                      ExecutionEvents.NONE)));
    }
  }

  @Test
  void anS3PublisherWhoseEndpointIsTheMetadataServiceIsRefusedBeforeConnecting()
      throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("stdout"), "secret output\n");
    try (Publisher publisher =
        new S3PublisherFactory().create(new S3PublisherConfig(false, ""), context)) {
      assertRefused(
          assertThrows(
              BacalhauException.class,
              () ->
                  publisher.publish(
                      new PublishRequest(
                          Job.builder().id("j-1").build(),
                          "e-1",
                          "n-1",
                          SpecConfig.of("s3", params()),
                          results),
                      ExecutionEvents.NONE)));
    }
  }
}
