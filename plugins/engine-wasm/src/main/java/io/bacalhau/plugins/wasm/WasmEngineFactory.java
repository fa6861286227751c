package io.bacalhau.plugins.wasm;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;

/** The {@code wasm} engine: WebAssembly modules with WASI preview1, compiled to JVM bytecode. */
public final class WasmEngineFactory implements EngineFactory<WasmConfig> {
  @Override
  public String type() {
    return "wasm";
  }

  @Override
  public Class<WasmConfig> configType() {
    return WasmConfig.class;
  }

  @Override
  public String configSection() {
    return "Engines.Types.WASM";
  }

  @Override
  public Installation isInstalled(WasmConfig config) {
    return Installation.ok(); // pure JVM: nothing to probe
  }

  @Override
  public Engine create(WasmConfig config, ProviderContext context) {
    CompiledCache disk =
        context.dataDir() == null
            ? null
            : new CompiledCache(
                context
                    .dataDir()
                    .resolve("engine")
                    .resolve("wasm")
                    .resolve("compiled")
                    .resolve(ChicoryRuntime.compilerVersion()));
    return new WasmEngine(new ChicoryRuntime(disk));
  }
}
