package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.plugins.ipfs.cid.UnixFs;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.contract.InputSourceContractTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * The ipfs input source against a real IPFS node on 127.0.0.1. It is made with a 2 s lookup timeout
 * instead of the factory's 5 minutes, so that a CID nobody added fails quickly.
 */
class IpfsInputSourceContractTest extends InputSourceContractTest {
  private IpfsRpc rpc;
  private InputSourceProvider source;

  @BeforeEach
  void node() {
    RealServices.require(
        IpfsNode.available(),
        "IPFS node RPC API in $" + IpfsNode.ENV + " ('" + IpfsNode.api() + "')");
    rpc = IpfsNode.rpc(Duration.ofSeconds(2));
    source = new IpfsInputSource(rpc);
  }

  @Override
  protected InputSourceProvider source() {
    return source;
  }

  @Override
  protected SpecConfig stored(String name, byte[] content) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("added-" + UUID.randomUUID()));
    Path file = Files.write(folder.resolve(name), content);
    return SpecConfig.of("ipfs", Map.of("CID", rpc.add(file)));
  }

  @Override
  protected Optional<Missing> missing() throws Exception {
    String never = "never added " + UUID.randomUUID();
    String cid =
        UnixFs.v1()
            .cid(new ByteArrayInputStream(never.getBytes(StandardCharsets.UTF_8)))
            .toString();
    return Optional.of(new Missing(SpecConfig.of("ipfs", Map.of("CID", cid)), cid));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("ipfs", Map.of("CID", "not-a-cid")), "Source.Params.CID");
  }
}
