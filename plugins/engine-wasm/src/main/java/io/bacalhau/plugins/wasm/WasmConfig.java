package io.bacalhau.plugins.wasm;

/** {@code Engines.Types.WASM}: Bacalhau defines no keys for it. */
public record WasmConfig() {}
