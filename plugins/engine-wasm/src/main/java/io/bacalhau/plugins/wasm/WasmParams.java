package io.bacalhau.plugins.wasm;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The params of a {@code wasm} engine spec.
 *
 * @param entryModule target path of the input holding the module (a .wasm file, or a folder with
 *     exactly one)
 * @param entrypoint the exported function to call, {@code _start} unless given
 * @param parameters the module's arguments (argv after an empty argv[0])
 * @param importModules target paths of modules whose exports satisfy the entry module's imports
 * @param environmentVariables extra variables; they win over the task env on a name clash
 */
public record WasmParams(
    String entryModule,
    String entrypoint,
    List<String> parameters,
    List<String> importModules,
    Map<String, String> environmentVariables) {

  public static final String DEFAULT_ENTRYPOINT = "_start";

  public WasmParams {
    parameters = List.copyOf(parameters);
    importModules = List.copyOf(importModules);
    environmentVariables = Map.copyOf(environmentVariables);
  }

  /** Reads and checks the params, naming every bad one before failing. */
  public static WasmParams from(SpecConfig spec) {
    List<String> problems = new ArrayList<>();
    Object entry = spec.param("EntryModule");
    String entryModule = "";
    if (entry instanceof String s && !s.isBlank()) {
      entryModule = s.strip();
    } else if (entry instanceof Map<?, ?>) {
      problems.add(
          "Engine.Params.EntryModule: an input source object is the legacy shape; it is upgraded"
              + " when the job is submitted, so give the target path of an input instead");
    } else {
      problems.add(
          "Engine.Params.EntryModule: required, the target path of an input holding the"
              + " .wasm module");
    }
    String entrypoint = DEFAULT_ENTRYPOINT;
    Object ep = spec.param("Entrypoint");
    if (ep != null && !(ep instanceof String)) {
      problems.add("Engine.Params.Entrypoint: expected a function name, got " + ep);
    } else if (ep != null && !((String) ep).isBlank()) {
      entrypoint = ((String) ep).strip();
    }
    List<String> parameters = strings(spec.param("Parameters"), "Parameters", problems);
    List<String> imports = strings(spec.param("ImportModules"), "ImportModules", problems);
    Map<String, String> env = environment(spec.param("EnvironmentVariables"), problems);
    if (!problems.isEmpty()) {
      throw BacalhauException.builder(
              ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR,
              "invalid wasm engine params: " + String.join("; ", problems))
          .component("Executor")
          .hint(
              "Params: EntryModule (input target), Entrypoint (default _start), Parameters (list),"
                  + " ImportModules (list of input targets), EnvironmentVariables")
          .build();
    }
    return new WasmParams(entryModule, entrypoint, parameters, imports, env);
  }

  private static List<String> strings(Object value, String name, List<String> problems) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add("Engine.Params." + name + ": expected a list of strings, got " + value);
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
        problems.add("Engine.Params." + name + "[" + i + "]: expected a string, got " + item);
      } else {
        out.add(String.valueOf(item));
      }
    }
    return out;
  }

  private static Map<String, String> environment(Object value, List<String> problems) {
    Map<String, String> env = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        String text = String.valueOf(item);
        int eq = text.indexOf('=');
        if (eq <= 0) {
          problems.add(
              "Engine.Params.EnvironmentVariables: expected NAME=VALUE, got '" + text + "'");
        } else {
          env.put(text.substring(0, eq), text.substring(eq + 1));
        }
      }
    } else if (value != null) {
      problems.add("Engine.Params.EnvironmentVariables: expected NAME=VALUE entries, got " + value);
    }
    for (String name : env.keySet()) {
      if (name.toUpperCase(Locale.ROOT).startsWith("BACALHAU_")) {
        problems.add(
            "Engine.Params.EnvironmentVariables: "
                + name
                + " is reserved; names may not start with BACALHAU_");
      }
    }
    return env;
  }
}
