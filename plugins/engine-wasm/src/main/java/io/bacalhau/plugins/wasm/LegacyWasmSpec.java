package io.bacalhau.plugins.wasm;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bacalhau's legacy wasm params carried the modules as input source objects ({@code EntryModule:
 * {Source: ..., Target: ...}}); the current shape names input targets. This rewrites a legacy task:
 * the modules become task inputs (default targets {@code /wasm/entry.wasm} and {@code
 * /wasm/imports/module_<i>.wasm}) and the params point at them.
 */
public final class LegacyWasmSpec {
  static final String ENTRY_TARGET = "/wasm/entry.wasm";

  private LegacyWasmSpec() {}

  /** Whether the task is a wasm task in the legacy shape. */
  public static boolean isLegacy(Task task) {
    SpecConfig engine = task.engine();
    if (!engine.isType("wasm") || engine.param("EntryModule") instanceof String) {
      return false;
    }
    return engine.param("EntryModule") instanceof Map<?, ?>
        || engine.param("ImportModules") instanceof List<?> l
            && l.stream().anyMatch(m -> m instanceof Map<?, ?>);
  }

  /** The task in the current shape; any other task unchanged. */
  public static Task upgrade(Task task) {
    if (!isLegacy(task)) {
      return task;
    }
    SpecConfig engine = task.engine();
    List<InputSource> inputs = new ArrayList<>(task.inputSources());
    Map<String, Object> params = new LinkedHashMap<>();
    if (engine.param("EntryModule") instanceof Map<?, ?> entry) {
      params.put("EntryModule", addInput(entry, ENTRY_TARGET, inputs));
    }
    if (engine.param("ImportModules") instanceof List<?> imports) {
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < imports.size(); i++) {
        Object m = imports.get(i);
        targets.add(
            m instanceof Map<?, ?> source
                ? addInput(source, "/wasm/imports/module_" + i + ".wasm", inputs)
                : String.valueOf(m));
      }
      params.put("ImportModules", targets);
    }
    Object entrypoint =
        engine.param("EntryPoint") != null
            ? engine.param("EntryPoint")
            : engine.param("Entrypoint");
    if (entrypoint != null) {
      params.put("Entrypoint", entrypoint);
    }
    copy(engine, "Parameters", params);
    copy(engine, "EnvironmentVariables", params);
    return task.toBuilder().engine(engine.withParams(params)).inputSources(inputs).build();
  }

  private static String addInput(Map<?, ?> source, String defaultTarget, List<InputSource> out) {
    InputSource input = Codecs.json().convertValue(source, InputSource.class);
    if (input.target().isBlank()) {
      input = new InputSource(input.source(), input.alias(), defaultTarget);
    }
    out.add(input);
    return input.target();
  }

  private static void copy(SpecConfig engine, String name, Map<String, Object> params) {
    Object value = engine.param(name);
    if (value != null) {
      params.put(name, value);
    }
  }
}
