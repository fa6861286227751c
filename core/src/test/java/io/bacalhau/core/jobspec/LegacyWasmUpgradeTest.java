package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upgrade of WASM params that carry their modules as input sources. These cases guarded the
 * wasm plugin's own copy of the upgrade, which nothing called; the node's one upgrade keeps them.
 */
class LegacyWasmUpgradeTest {
  private static Job upgrade(Job job) {
    List<SpecProblem> problems = new ArrayList<>();
    Job upgraded = LegacyWasmUpgrade.upgrade(job, problems);
    assertTrue(problems.isEmpty(), problems.toString());
    return upgraded;
  }

  @Test
  void modulesBecomeInputsAndAnUpgradedTaskIsNotUpgradedAgain() {
    Job legacy =
        Specs.job(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine:
                  Type: wasm
                  Params:
                    EntryModule:
                      Source: {Type: urlDownload, Params: {URL: "https://example.org/main.wasm"}}
                    ImportModules:
                      - Source: {Type: urlDownload, Params: {URL: "https://example.org/lib.wasm"}}
                    EntryPoint: run
                    Parameters: [a, b]
            """);
    Job upgraded = upgrade(legacy);
    Task task = upgraded.task();
    List<InputSource> inputs = task.inputSources();
    assertEquals(2, inputs.size());
    assertEquals("/wasm/entry.wasm", inputs.get(0).target());
    assertEquals("urlDownload", inputs.get(0).source().type());
    assertEquals("/wasm/imports/module_0.wasm", inputs.get(1).target());
    assertEquals("/wasm/entry.wasm", task.engine().param("EntryModule"));
    assertEquals(List.of("/wasm/imports/module_0.wasm"), task.engine().param("ImportModules"));
    assertEquals("run", task.engine().param("Entrypoint"));
    assertEquals(List.of("a", "b"), task.engine().param("Parameters"));
    assertEquals(upgraded, upgrade(upgraded));
  }

  @Test
  void aTargetTheModuleNamesIsKept() {
    Job legacy =
        Specs.job(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine:
                  Type: wasm
                  Params:
                    EntryModule:
                      Source: {Type: urlDownload, Params: {URL: "https://x/m.wasm"}}
                      Target: /m
            """);
    Task task = upgrade(legacy).task();
    assertEquals("/m", task.engine().param("EntryModule"));
    assertEquals("/m", task.inputSources().getFirst().target());
  }

  @Test
  void theCurrentShapeIsLeftAlone() {
    Job current =
        Specs.job(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine: {Type: wasm, Params: {EntryModule: main.wasm}}
                InputSources:
                  - Target: main.wasm
                    Source: {Type: inline, Params: {URL: "data:,x"}}
            """);
    assertEquals(current, upgrade(current));
  }
}
