package io.bacalhau.testing.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link InputSourceProvider} promises: {@code prepare()} makes the data readable on the
 * host byte for byte, for the input's target, read-only unless asked otherwise, inside the
 * execution's staging folder unless it is mounted in place; the source is left as it was (a second
 * execution reads it again after the first cleaned up); bad params are refused naming the param;
 * data that is not there is a clear error that fails the execution.
 *
 * <p>An implementation's test extends this class and stores data where its source reads from (a
 * real S3 server, IPFS node, HTTP server or host folder).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class InputSourceContractTest {
  protected static final String TARGET = "/inputs/data";

  @TempDir protected Path dir;

  /** The input source under test, created through its factory. */
  protected abstract InputSourceProvider source();

  /**
   * Stores one file with these bytes where the source reads from, under {@code name} where the
   * source has names (a key, a URL path, a file name); returns the source spec.
   */
  protected abstract SpecConfig stored(String name, byte[] content) throws Exception;

  /**
   * A spec naming data that is not there, and the text (the key, CID, URL or path) its error must
   * show; empty when the data travels in the spec itself.
   */
  protected abstract Optional<Missing> missing() throws Exception;

  /** Params {@link InputSourceProvider#validate} must refuse, and the param the error names. */
  protected abstract InvalidParams invalidParams();

  /** Whether the data is mounted where it lies rather than fetched into the staging folder. */
  protected boolean mountsInPlace() {
    return false;
  }

  /** A source that is not there: its spec, and what its error must name. */
  public record Missing(SpecConfig spec, String named) {}

  /**
   * Params that are wrong, and the param the error must name.
   *
   * @param param as users see it, e.g. {@code Params.URL}
   */
  public record InvalidParams(SpecConfig spec, String param) {}

  protected PreparedInput prepare(SpecConfig spec, Path staging) throws Exception {
    Files.createDirectories(staging);
    return source()
        .prepare(
            new PrepareRequest(
                Job.builder().id("j-contract").build(),
                "e-" + UUID.randomUUID(),
                new InputSource(spec, "", TARGET),
                staging),
            ExecutionEvents.NONE);
  }

  private Path staging() {
    return dir.resolve("staging-" + UUID.randomUUID());
  }

  @Test
  void preparedDataIsTheStoredBytesForTheInputsTargetReadOnly() throws Exception {
    byte[] content = FileTree.binary(200_000, 11);
    SpecConfig spec = stored("data.bin", content);
    Path staging = staging();
    PreparedInput prepared = prepare(spec, staging);
    assertEquals(TARGET, prepared.target());
    assertEquals(spec, prepared.spec().source());
    assertFalse(prepared.readWrite(), "inputs are read-only unless the spec asks otherwise");
    assertTrue(Files.isRegularFile(prepared.hostPath()), "not a file: " + prepared.hostPath());
    assertArrayEquals(content, Files.readAllBytes(prepared.hostPath()));
    if (!mountsInPlace()) {
      assertTrue(
          prepared.hostPath().toAbsolutePath().normalize().startsWith(staging),
          prepared.hostPath() + " is outside the staging folder " + staging);
    }
  }

  @Test
  void aNameWithSpacesAndUnicodeIsFound() throws Exception {
    byte[] content = "odd name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    PreparedInput prepared = prepare(stored("with space ünï+%#.txt", content), staging());
    assertArrayEquals(content, Files.readAllBytes(prepared.hostPath()));
  }

  @Test
  void anEmptyFileIsPreparedAsAnEmptyFile() throws Exception {
    PreparedInput prepared = prepare(stored("empty.bin", new byte[0]), staging());
    assertTrue(Files.isRegularFile(prepared.hostPath()), "not a file: " + prepared.hostPath());
    assertEquals(0, Files.size(prepared.hostPath()));
  }

  @Test
  void cleanupLeavesTheSourceForTheNextExecution() throws Exception {
    byte[] content = "read by two executions\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SpecConfig spec = stored("data.bin", content);
    PreparedInput first = prepare(spec, staging());
    source().cleanup(first);
    PreparedInput second = prepare(spec, staging());
    assertArrayEquals(content, Files.readAllBytes(second.hostPath()));
    source().cleanup(second);
  }

  @Test
  void theStoredSpecPassesValidation() throws Exception {
    source().validate(stored("one.bin", new byte[] {1}));
  }

  @Test
  void invalidParamsAreRefusedNamingTheParam() {
    InvalidParams invalid = invalidParams();
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> source().validate(invalid.spec()));
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), e.getMessage());
    assertTrue(
        e.getMessage().contains(invalid.param()),
        "the error names " + invalid.param() + ": " + e.getMessage());
  }

  @Test
  void missingDataFailsTheExecutionNamingIt() throws Exception {
    Optional<Missing> missing = missing();
    assumeTrue(missing.isPresent(), "the data travels in the spec: it cannot be missing");
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> prepare(missing.get().spec(), staging()));
    assertTrue(
        e.getMessage().contains(missing.get().named()),
        "the error names " + missing.get().named() + ": " + e.getMessage());
    // Whether a retry could help is the source's call: an IPFS node may find the CID later.
    assertTrue(e.failsExecution(), "a missing input fails the execution");
  }
}
