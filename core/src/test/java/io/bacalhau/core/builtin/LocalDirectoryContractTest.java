package io.bacalhau.core.builtin;

import io.bacalhau.core.builtin.localdir.AllowList;
import io.bacalhau.core.builtin.localdir.LocalDirectoryFactory;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.testing.contract.InputSourceContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/** Host paths under an allow-listed folder, mounted where they lie. */
class LocalDirectoryContractTest extends InputSourceContractTest {
  private Path allowed;
  private InputSourceProvider source;

  @BeforeEach
  void create() throws Exception {
    allowed = Files.createDirectories(dir.resolve("allowed")).toRealPath();
    source =
        LocalDirectoryFactory.local()
            .create(
                new AllowList(List.of(allowed + ":ro")), new ProviderContext(dir, "n", Map.of()));
  }

  @Override
  protected InputSourceProvider source() {
    return source;
  }

  @Override
  protected SpecConfig stored(String name, byte[] content) throws Exception {
    Path folder = Files.createDirectories(allowed.resolve(UUID.randomUUID().toString()));
    Path file = Files.write(folder.resolve(name), content);
    return SpecConfig.of("local", Map.of("SourcePath", file.toString()));
  }

  @Override
  protected Optional<Missing> missing() {
    String path = allowed.resolve("not-there.bin").toString();
    return Optional.of(new Missing(SpecConfig.of("local", Map.of("SourcePath", path)), path));
  }

  @Override
  protected InvalidParams invalidParams() {
    return new InvalidParams(
        SpecConfig.of("local", Map.of("SourcePath", "relative/data")), "Params.SourcePath");
  }

  @Override
  protected boolean mountsInPlace() {
    return true;
  }
}
