package io.bacalhau.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Engine} promises the compute node, whatever runs the task: output and exit code
 * come back, a non-zero exit is a result and not an error, a runner failure is never mistaken for
 * success, a stop ends the run at once, bad params are refused naming the param, results written to
 * a result path land in the results folder under its name, and inputs stay as they were.
 *
 * <p>An implementation's test extends this class and says how its engine is made to do each thing
 * ({@link EngineProgram}); it starts whatever real daemon or runtime the engine needs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class EngineContractTest {
  /** Where the contract's run folders, inputs and results go. */
  @TempDir protected Path dir;

  /** The engine under test, created as the node creates it (through its factory). */
  protected abstract Engine engine();

  /**
   * A program that writes something to stdout and to stderr, then exits with {@code exitCode}. The
   * program's {@code stdout} and {@code stderr} say exactly what it writes.
   */
  protected abstract EngineProgram exitsWith(int exitCode) throws Exception;

  /**
   * A program that copies the file {@code input} (an absolute path in the task's view, inside an
   * input the contract mounts) to {@code output} (inside a result path the contract declares).
   * {@code content} is what the input holds, for an engine that cannot read inputs.
   */
  protected abstract EngineProgram copies(String input, String output, String content)
      throws Exception;

  /**
   * A program that tries to create {@code newFile} and to overwrite {@code existingFile}, both in a
   * read-only input; empty when this engine runs nothing that could touch an input.
   */
  protected abstract Optional<EngineProgram> writesInto(String newFile, String existingFile)
      throws Exception;

  /** A program that would run far longer than any test: only a stop ends it. */
  protected abstract EngineProgram runsUntilStopped() throws Exception;

  /** A program whose runner cannot start it (a missing command or an invalid module, say). */
  protected abstract EngineProgram cannotStart() throws Exception;

  /** Engine params {@link Engine#validate} must refuse, and the param the error must name. */
  protected abstract InvalidParams invalidParams();

  /** Checks, once a stopped run returned, that nothing it started is left (a container, say). */
  protected void assertNothingLeftOf(EngineRun run) throws Exception {}

  /**
   * Params that are wrong, and the param the error must name.
   *
   * @param param as users see it, e.g. {@code Engine.Params.Image}
   */
  public record InvalidParams(SpecConfig spec, String param) {}

  private EngineRun run(EngineProgram program) {
    return new EngineRun(dir, program);
  }

  @Test
  void aRunThatSucceedsReturnsExitCodeZeroAndItsOutput() throws Exception {
    EngineProgram program = exitsWith(0);
    assertFalse(program.stdout().isEmpty(), "the program must write to stdout");
    EngineRun run = run(program);
    EngineResult result = run.runWith(engine());
    assertEquals(EngineResult.exited(0), result, run.err());
    assertEquals(program.stdout(), run.out());
    assertEquals(program.stderr(), run.err());
  }

  @Test
  void aNonZeroExitIsAResultNotAnError() throws Exception {
    EngineProgram program = exitsWith(3);
    EngineRun run = run(program);
    EngineResult result = run.runWith(engine());
    assertEquals(3, result.exitCode(), run.err());
    assertEquals("", result.errorMessage(), "a non-zero exit is not a runner failure");
    assertEquals(program.stdout(), run.out());
    assertEquals(program.stderr(), run.err());
  }

  @Test
  void aRunnerFailureIsNeverReportedAsSuccess() throws Exception {
    EngineRun run = run(cannotStart());
    EngineResult result;
    try {
      result = run.runWith(engine());
    } catch (BacalhauException thrown) {
      assertFalse(thrown.getMessage().isBlank(), "a runner failure says what went wrong");
      return;
    }
    assertFalse(
        result.errorMessage().isBlank(),
        "a runner failure is an error message or a BacalhauException, not " + result);
  }

  @Test
  void validParamsPassValidation() throws Exception {
    for (EngineProgram program : List.of(exitsWith(0), runsUntilStopped())) {
      engine().validate(program.spec());
    }
  }

  @Test
  void invalidParamsAreRefusedNamingTheParam() {
    InvalidParams invalid = invalidParams();
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> engine().validate(invalid.spec()));
    assertEquals(ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR, e.code(), e.getMessage());
    assertTrue(
        e.getMessage().contains(invalid.param()),
        "the error names " + invalid.param() + ": " + e.getMessage());
  }

  @Test
  void resultsWrittenToAResultPathLandInTheResultsFolderUnderItsName() throws Exception {
    Path data = Files.createDirectories(dir.resolve("host-inputs"));
    String content = "contract input: ünïcode and\nlines\n";
    Files.writeString(data.resolve("data.txt"), content);
    EngineRun run =
        run(copies("/inputs/data.txt", "/outputs/copy.txt", content))
            .input(data, "/inputs")
            .result(new ResultPath("outputs", "/outputs"));
    EngineResult result = run.runWith(engine());
    assertEquals(EngineResult.exited(0), result, run.err());
    assertEquals(content, Files.readString(run.resultsDir().resolve("outputs/copy.txt")));
    assertEquals(content, Files.readString(data.resolve("data.txt")));
  }

  @Test
  void inputsAreReadOnly() throws Exception {
    Optional<EngineProgram> program = writesInto("/inputs/new.txt", "/inputs/data.txt");
    assumeTrue(program.isPresent(), "this engine runs nothing that could write to an input");
    Path data = Files.createDirectories(dir.resolve("host-inputs"));
    Files.writeString(data.resolve("data.txt"), "original\n");
    EngineRun run = run(program.get()).input(data, "/inputs");
    run.runWith(engine());
    assertEquals("original\n", Files.readString(data.resolve("data.txt")));
    assertFalse(Files.exists(data.resolve("new.txt")), "a file was created in a read-only input");
  }

  @Test
  void aStoppedRunEndsPromptlyWithInterruptedException() throws Exception {
    EngineRun run = run(runsUntilStopped());
    Engine engine = engine();
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outcome.set(run.runWith(engine));
                  } catch (Throwable t) {
                    outcome.set(t);
                  }
                });
    // Long enough for the run to be under way (started, pulling or compiling), which the stop
    // must cut short too.
    runner.join(Duration.ofMillis(500));
    assertTrue(runner.isAlive(), "the run ended by itself: " + outcome.get());
    long stopAt = System.nanoTime();
    runner.interrupt();
    assertTrue(runner.join(Duration.ofSeconds(15)), "the run did not end after a stop");
    Duration took = Duration.ofNanos(System.nanoTime() - stopAt);
    assertInstanceOf(InterruptedException.class, outcome.get(), "a stopped run throws");
    assertTrue(took.toSeconds() < 10, "stopping took " + took);
    assertNothingLeftOf(run);
  }

  @Test
  void runsAtTheSameTimeKeepTheirOwnOutputAndExitCode() throws Exception {
    EngineRun ok = run(exitsWith(0));
    EngineRun failing = new EngineRun(Files.createDirectories(dir.resolve("second")), exitsWith(3));
    Engine engine = engine();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var first = pool.submit(() -> ok.runWith(engine));
      var second = pool.submit(() -> failing.runWith(engine));
      assertEquals(0, first.get().exitCode(), ok.err());
      assertEquals(3, second.get().exitCode(), failing.err());
    }
    assertEquals(ok.program().stdout(), ok.out());
    assertEquals(failing.program().stdout(), failing.out());
    assertEquals(failing.program().stderr(), failing.err());
  }
}
