package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import io.bacalhau.plugins.ipfs.cid.Cid;
import java.io.InputStream;
import java.nio.file.Path;

/** Fetches a CID (a file or a folder) from the IPFS node into the staging folder. */
final class IpfsInputSource implements InputSourceProvider {
  static final String COMPONENT = "IPFSInputSource";
  private static final String TOPIC = "Downloading Inputs";

  private final IpfsRpc rpc;

  IpfsInputSource(IpfsRpc rpc) {
    this.rpc = rpc;
  }

  @Override
  public void validate(SpecConfig source) {
    cidOf(source, "InputSource.Source.Params.CID", COMPONENT);
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    String cid = cidOf(request.input().source(), "InputSource.Source.Params.CID", COMPONENT);
    events.emit(TOPIC, "Fetching " + cid + " from the IPFS node at " + rpc.endpoint());
    Path host = request.stagingDir().resolve(cid);
    try (InputStream tar = rpc.get(cid)) {
      IpfsTar.extract(tar, host);
    } catch (IpfsFailure f) {
      throw IpfsErrors.map(f, COMPONENT, "get " + cid + " from IPFS", rpc);
    }
    return new PreparedInput(request.input(), host, request.input().target(), false);
  }

  /** The CID param, checked to be a CID (v0 or base32 v1). */
  static String cidOf(SpecConfig spec, String path, String component) {
    Object value = spec.param("CID");
    String text = value == null ? "" : String.valueOf(value).strip();
    try {
      return Cid.parse(text).toString();
    } catch (IllegalArgumentException e) {
      throw BacalhauException.builder(
              ErrorCode.VALIDATION_ERROR,
              text.isEmpty() ? path + " is required" : path + ": " + e.getMessage())
          .component(component)
          .hint("Give a CID such as QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn or bafy...")
          .failsExecution(true)
          .build();
    }
  }
}
