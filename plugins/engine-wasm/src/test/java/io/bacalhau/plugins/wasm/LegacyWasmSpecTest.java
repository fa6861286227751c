package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyWasmSpecTest {
  private static Map<String, Object> source(String url, String target) {
    Map<String, Object> src = Map.of("Type", "urlDownload", "Params", Map.of("URL", url));
    return target == null ? Map.of("Source", src) : Map.of("Source", src, "Target", target);
  }

  @Test
  void legacyModulesBecomeInputsAndParamsNameTheirTargets() {
    Task legacy =
        Task.builder()
            .name("main")
            .engine(
                SpecConfig.of(
                    "wasm",
                    Map.of(
                        "EntryModule", source("https://example.org/main.wasm", null),
                        "ImportModules", List.of(source("https://example.org/lib.wasm", null)),
                        "EntryPoint", "run",
                        "Parameters", List.of("a", "b"))))
            .build();
    assertTrue(LegacyWasmSpec.isLegacy(legacy));
    Task upgraded = LegacyWasmSpec.upgrade(legacy);
    List<InputSource> inputs = upgraded.inputSources();
    assertEquals(2, inputs.size());
    assertEquals("/wasm/entry.wasm", inputs.get(0).target());
    assertEquals("urlDownload", inputs.get(0).source().type());
    assertEquals("/wasm/imports/module_0.wasm", inputs.get(1).target());
    WasmParams params = WasmParams.from(upgraded.engine());
    assertEquals("/wasm/entry.wasm", params.entryModule());
    assertEquals(List.of("/wasm/imports/module_0.wasm"), params.importModules());
    assertEquals("run", params.entrypoint());
    assertEquals(List.of("a", "b"), params.parameters());
    assertFalse(LegacyWasmSpec.isLegacy(upgraded));
  }

  @Test
  void legacyTargetIsKeptWhenGiven() {
    Task legacy =
        Task.builder()
            .engine(SpecConfig.of("wasm", Map.of("EntryModule", source("https://x/m.wasm", "/m"))))
            .build();
    assertEquals("/m", WasmParams.from(LegacyWasmSpec.upgrade(legacy).engine()).entryModule());
  }

  @Test
  void currentShapeIsLeftAlone() {
    Task current =
        Task.builder().engine(SpecConfig.of("wasm", Map.of("EntryModule", "main.wasm"))).build();
    assertSame(current, LegacyWasmSpec.upgrade(current));
  }
}
