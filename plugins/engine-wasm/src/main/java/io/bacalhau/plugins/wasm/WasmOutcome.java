package io.bacalhau.plugins.wasm;

/**
 * How a module run ended: an exit code, or a failure of the module itself (trap, missing
 * entrypoint, invalid module, unresolvable import) that fails the execution.
 *
 * @param error empty when the module ran to its end
 */
record WasmOutcome(int exitCode, String error) {
  static WasmOutcome exited(int code) {
    return new WasmOutcome(code, "");
  }

  static WasmOutcome failed(String error) {
    return new WasmOutcome(1, error);
  }

  boolean failed() {
    return !error.isEmpty();
  }
}
