package io.bacalhau.core.builtin.inline;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the content carried in the spec to a file that appears at the input's target. */
final class InlineSource implements InputSourceProvider {
  /** Inline inputs travel inside the job spec; anything bigger belongs in real storage. */
  static final long MAX_BYTES = 256L * 1024 * 1024;

  @Override
  public void validate(SpecConfig source) {
    DataUrl.decode(String.valueOf(source.param("URL")), MAX_BYTES);
  }

  /** The content travels in the spec: nothing is downloaded. */
  @Override
  public boolean isLocal(SpecConfig source) {
    return true;
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    byte[] content =
        DataUrl.decode(String.valueOf(request.input().source().param("URL")), MAX_BYTES);
    Path file = Files.write(request.stagingDir().resolve("inline"), content);
    return new PreparedInput(request.input(), file, request.input().target(), false);
  }
}
