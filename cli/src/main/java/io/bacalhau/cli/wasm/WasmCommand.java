package io.bacalhau.cli.wasm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau wasm}: WebAssembly jobs. */
@Command(name = "wasm", mixinStandardHelpOptions = true, description = "Run WebAssembly jobs.")
public final class WasmCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
