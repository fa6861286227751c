package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.plugins.ipfs.cid.Cid;
import io.bacalhau.plugins.ipfs.cid.UnixFs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Adds the results folder to an IPFS node and reports {@code {Type: ipfs, Params: {CID}}}. The CID
 * is also computed here, without the node, and the two must agree: what we report is what anyone
 * re-adding the same bytes would get.
 */
final class IpfsPublisher implements Publisher {
  static final String COMPONENT = "IPFSPublisher";
  private static final String TOPIC = "Publishing Results";

  private final IpfsRpc rpc;

  IpfsPublisher(IpfsRpc rpc) {
    this.rpc = rpc;
  }

  @Override
  public SpecConfig publish(PublishRequest request, ExecutionEvents events) throws Exception {
    events.emit(TOPIC, "Adding results to the IPFS node at " + rpc.endpoint());
    String cid;
    try {
      cid = rpc.add(request.resultsDir());
    } catch (IpfsFailure f) {
      throw IpfsErrors.map(f, COMPONENT, "add the results to IPFS", rpc);
    }
    Cid local = UnixFs.v1().cid(request.resultsDir());
    if (!local.toString().equals(cid)) {
      throw BacalhauException.builder(
              ErrorCode.INTERNAL_ERROR,
              "the IPFS node reported CID "
                  + cid
                  + " for the results, but their content hashes to "
                  + local)
          .component(COMPONENT)
          .hint("The node may use non-default add settings (chunker, CID version, raw leaves).")
          .failsExecution(true)
          .build();
    }
    events.emit(TOPIC, "Results published to IPFS as " + cid);
    return SpecConfig.of("ipfs", Map.of("CID", cid));
  }

  @Override
  public void download(SpecConfig publishedResult, Path into) throws Exception {
    String cid = IpfsInputSource.cidOf(publishedResult, "PublishedResult.Params.CID", COMPONENT);
    Files.createDirectories(into);
    try (InputStream tar = rpc.get(cid)) {
      IpfsTar.extract(tar, into);
    } catch (IpfsFailure f) {
      throw IpfsErrors.map(f, COMPONENT, "get " + cid + " from IPFS", rpc);
    }
  }
}
