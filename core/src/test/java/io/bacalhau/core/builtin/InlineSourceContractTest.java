package io.bacalhau.core.builtin;

import io.bacalhau.core.builtin.inline.DataUrl;
import io.bacalhau.core.builtin.inline.InlineConfig;
import io.bacalhau.core.builtin.inline.InlineSourceFactory;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.testing.contract.InputSourceContractTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/** Inline inputs carry their bytes in the spec as a data: URL (gzipped above 512 bytes). */
class InlineSourceContractTest extends InputSourceContractTest {
  private InputSourceProvider source;

  @BeforeEach
  void create() {
    source =
        new InlineSourceFactory()
            .create(new InlineConfig(), new ProviderContext(dir, "n", Map.of()));
  }

  @Override
  protected InputSourceProvider source() {
    return source;
  }

  @Override
  protected SpecConfig stored(String name, byte[] content) {
    return SpecConfig.of("inline", Map.of("URL", DataUrl.encode(content)));
  }

  @Override
  protected Optional<Missing> missing() {
    return Optional.empty();
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("inline", Map.of("URL", "https://example.invalid/data")), "Params.URL");
  }
}
