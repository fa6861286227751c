package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import io.bacalhau.testing.contract.PublisherContractTest;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The s3 publisher (one .tar.gz per execution, the default) against a real S3 server. */
class S3PublisherContractTest extends PublisherContractTest {
  protected S3ProxyServer server;
  protected String bucket;
  private Publisher publisher;

  @BeforeEach
  void server() throws Exception {
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    server = S3ProxyServer.shared();
    bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    // A folder of the filesystem blob store is a bucket.
    Files.createDirectories(server.blobs().resolve(bucket));
    publisher =
        new S3PublisherFactory()
            .create(
                new S3PublisherConfig(false, "5m"),
                new ProviderContext(dir.resolve("data"), "n-contract", server.env()));
  }

  @AfterEach
  void close() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Override
  protected Publisher publisher() {
    return publisher;
  }

  /** Params of the job's publisher spec; a subclass may add to them. */
  protected Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Bucket", bucket);
    params.put("Key", "runs/{jobID}/{executionID}");
    params.put("Endpoint", server.endpoint());
    params.put("Region", "us-east-1");
    return params;
  }

  @Override
  protected SpecConfig publisherSpec() {
    return SpecConfig.of("s3", params());
  }

  @Override
  protected Optional<InvalidParams> invalidParams() {
    Map<String, Object> params = params();
    params.remove("Bucket");
    return Optional.of(new InvalidParams(SpecConfig.of("s3", params), "Publisher.Params.Bucket"));
  }
}
