package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bacalhau's legacy-WASM transformer: older WASM params carried the modules themselves ({@code
 * EntryModule} as an input source object, {@code ImportModules} as a list of them). Today the
 * modules are ordinary input sources and the params name their mount targets. The orchestrator
 * applies this on submit; the legacy spec translator uses it too, so both shapes run alike.
 */
public final class LegacyWasmUpgrade {
  static final String ENTRY_TARGET = "/wasm/entry.wasm";

  private LegacyWasmUpgrade() {}

  static String importTarget(int index) {
    return "/wasm/imports/module_" + index + ".wasm";
  }

  /** The job with its WASM task upgraded, or unchanged when there is nothing to upgrade. */
  public static Job upgrade(Job job, List<SpecProblem> problems) {
    if (job.tasks().isEmpty()) {
      return job;
    }
    List<Task> tasks = new ArrayList<>(job.tasks());
    for (int i = 0; i < tasks.size(); i++) {
      tasks.set(i, upgrade(tasks.get(i), "Tasks[" + i + "].Engine.Params", problems));
    }
    return job.toBuilder().tasks(tasks).build();
  }

  static Task upgrade(Task task, String path, List<SpecProblem> problems) {
    if (!task.engine().isType("wasm") || !isLegacy(task.engine().params())) {
      return task;
    }
    Map<String, Object> params = new LinkedHashMap<>(task.engine().params());
    List<InputSource> inputs = new ArrayList<>(task.inputSources());
    Object entry = remove(params, "EntryModule");
    if (entry != null) {
      InputSource in = inputSource(entry, ENTRY_TARGET, path + ".EntryModule", problems);
      if (in != null) {
        inputs.add(in);
        params.put("EntryModule", in.target());
      }
    }
    Object entryPoint = remove(params, "EntryPoint");
    if (entryPoint != null) {
      params.put("Entrypoint", entryPoint);
    }
    Object imports = remove(params, "ImportModules");
    if (imports instanceof List<?> list) {
      List<String> targets = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        if (item instanceof String s) {
          targets.add(s);
          continue;
        }
        InputSource in =
            inputSource(item, importTarget(i), path + ".ImportModules[" + i + "]", problems);
        if (in != null) {
          inputs.add(in);
          targets.add(in.target());
        }
      }
      params.put("ImportModules", targets);
    }
    return task.toBuilder().engine(task.engine().withParams(params)).inputSources(inputs).build();
  }

  private static boolean isLegacy(Map<String, Object> params) {
    Object entry = find(params, "EntryModule");
    if (entry instanceof Map<?, ?>) {
      return true;
    }
    return find(params, "ImportModules") instanceof List<?> l
        && l.stream().anyMatch(m -> m instanceof Map<?, ?>);
  }

  private static InputSource inputSource(
      Object value, String defaultTarget, String path, List<SpecProblem> problems) {
    JsonNode node = Codecs.json().valueToTree(value);
    if (node.isObject() && TopLevelKeys.get(node, "Source") == null) {
      node = LegacyStorageSpecs.toInputSource(node, defaultTarget, path, problems);
      if (node == null) {
        return null;
      }
    }
    InputSource in =
        new TreeDecoder(problems, new ArrayList<>()).record(InputSource.class, node, path);
    if (in != null && in.target().isBlank()) {
      in = new InputSource(in.source(), in.alias(), defaultTarget);
    }
    return in;
  }

  private static Object find(Map<String, Object> params, String key) {
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Object remove(Map<String, Object> params, String key) {
    Object found = null;
    for (String k : new ArrayList<>(params.keySet())) {
      if (k.equalsIgnoreCase(key)) {
        found = params.remove(k);
      }
    }
    return found;
  }
}
