package io.bacalhau.testing.contract;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing an engine is asked to run in a contract test: its engine spec, the inputs the engine
 * itself needs (a WASM module, say), and exactly what it writes to stdout and stderr.
 */
public record EngineProgram(
    SpecConfig spec, List<PreparedInput> inputs, String stdout, String stderr) {

  public EngineProgram {
    inputs = List.copyOf(inputs);
  }

  /** A program with no inputs of its own that writes nothing. */
  public static EngineProgram of(SpecConfig spec) {
    return new EngineProgram(spec, List.of(), "", "");
  }

  /** The same program, known to write exactly this. */
  public EngineProgram printing(String out, String err) {
    return new EngineProgram(spec, inputs, out, err);
  }

  /** The same program with a host file or folder mounted read-only at {@code target}. */
  public EngineProgram mounting(Path host, String target) {
    List<PreparedInput> more = new ArrayList<>(inputs);
    more.add(new PreparedInput(new InputSource(SpecConfig.EMPTY, "", target), host, target, false));
    return new EngineProgram(spec, more, stdout, stderr);
  }
}
