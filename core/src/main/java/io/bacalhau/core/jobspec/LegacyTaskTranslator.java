package io.bacalhau.core.jobspec;

import static io.bacalhau.core.jobspec.LegacySpecTranslator.copyIfPresent;
import static io.bacalhau.core.jobspec.LegacyStorageSpecs.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The task half of the legacy translation: engine, publisher, data, resources, network. */
final class LegacyTaskTranslator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LegacyTaskTranslator() {}

  static ObjectNode task(JsonNode spec, List<SpecProblem> problems) {
    ObjectNode task = NODES.objectNode();
    task.put("Name", "main");
    task.set("Engine", engine(spec, task, problems));
    ObjectNode publisher = publisher(spec, problems);
    if (publisher != null) {
      task.set("Publisher", publisher);
    }
    copyIfPresent(spec, "Resources", task, "Resources");
    task.set("Network", network(spec, problems));
    JsonNode timeout = TopLevelKeys.get(spec, "Timeout");
    if (timeout != null && timeout.isNumber() && timeout.asDouble() > 0) {
      // The old Timeout covered running and publishing: today's execution timeout.
      task.putObject("Timeouts").put("ExecutionTimeout", (long) Math.ceil(timeout.asDouble()));
    }
    ArrayNode inputs = task.putArray("InputSources");
    ArrayNode legacyInputs = LegacySpecTranslator.array(TopLevelKeys.get(spec, "Inputs"));
    if (legacyInputs != null) {
      for (int i = 0; i < legacyInputs.size(); i++) {
        ObjectNode in =
            LegacyStorageSpecs.toInputSource(
                legacyInputs.get(i), null, "Spec.Inputs[" + i + "]", problems);
        if (in != null) {
          inputs.add(in);
        }
      }
    }
    ArrayNode outputs = LegacySpecTranslator.array(TopLevelKeys.get(spec, "Outputs"));
    if (outputs != null) {
      ArrayNode results = task.putArray("ResultPaths");
      for (JsonNode out : outputs) {
        results.addObject().put("Name", text(out, "Name")).put("Path", text(out, "Path"));
      }
    }
    return task;
  }

  private static ObjectNode engine(JsonNode spec, ObjectNode task, List<SpecProblem> problems) {
    JsonNode engineSpec = TopLevelKeys.get(spec, "EngineSpec");
    if (engineSpec != null && engineSpec.isObject() && !text(engineSpec, "Type").isBlank()) {
      ObjectNode engine = NODES.objectNode();
      engine.put("Type", text(engineSpec, "Type").strip().toLowerCase(Locale.ROOT));
      JsonNode params = TopLevelKeys.get(engineSpec, "Params");
      engine.set("Params", params != null && params.isObject() ? params.deepCopy() : null);
      return engine;
    }
    JsonNode docker = TopLevelKeys.get(spec, "Docker");
    JsonNode wasm = TopLevelKeys.get(spec, "Wasm");
    String name = text(spec, "Engine").strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      name =
          !text(docker == null ? NODES.objectNode() : docker, "Image").isBlank()
              ? "docker"
              : wasm != null && wasm.isObject() ? "wasm" : "";
    }
    ObjectNode engine = NODES.objectNode();
    switch (name) {
      case "docker" -> {
        engine.put("Type", "docker");
        if (docker != null && docker.isObject()) {
          engine.set("Params", docker.deepCopy());
        }
      }
      case "wasm" -> {
        engine.put("Type", "wasm");
        engine.set("Params", wasmParams(wasm, task, problems));
      }
      case "" ->
          problems.add(
              new SpecProblem(
                  "Spec.Engine",
                  "missing engine: set Spec.EngineSpec.Type, or Spec.Engine with Spec.Docker or"
                      + " Spec.Wasm"));
      default -> engine.put("Type", name);
    }
    return engine;
  }

  /**
   * Old WASM params, in the shape the legacy-WASM upgrade understands: the entry and import modules
   * become input sources there. Environment variables move to the task's Env.
   */
  private static ObjectNode wasmParams(JsonNode wasm, ObjectNode task, List<SpecProblem> problems) {
    ObjectNode params = NODES.objectNode();
    if (wasm == null || !wasm.isObject()) {
      return params;
    }
    JsonNode entry = TopLevelKeys.get(wasm, "EntryModule");
    if (entry != null && !entry.isNull()) {
      ObjectNode in =
          LegacyStorageSpecs.toInputSource(
              entry, LegacyWasmUpgrade.ENTRY_TARGET, "Spec.Wasm.EntryModule", problems);
      if (in != null) {
        params.set("EntryModule", in);
      }
    }
    copyIfPresent(wasm, "EntryPoint", params, "EntryPoint");
    copyIfPresent(wasm, "Parameters", params, "Parameters");
    ArrayNode imports = LegacySpecTranslator.array(TopLevelKeys.get(wasm, "ImportModules"));
    if (imports != null) {
      ArrayNode out = params.putArray("ImportModules");
      for (int i = 0; i < imports.size(); i++) {
        ObjectNode in =
            LegacyStorageSpecs.toInputSource(
                imports.get(i),
                LegacyWasmUpgrade.importTarget(i),
                "Spec.Wasm.ImportModules[" + i + "]",
                problems);
        if (in != null) {
          out.add(in);
        }
      }
    }
    copyIfPresent(wasm, "EnvironmentVariables", task, "Env");
    return params;
  }

  private static ObjectNode publisher(JsonNode spec, List<SpecProblem> problems) {
    JsonNode publisherSpec = TopLevelKeys.get(spec, "PublisherSpec");
    String type;
    JsonNode params = null;
    String path;
    if (publisherSpec != null && publisherSpec.isObject()) {
      type = text(publisherSpec, "Type");
      params = TopLevelKeys.get(publisherSpec, "Params");
      path = "Spec.PublisherSpec.Type";
    } else {
      type = text(spec, "Publisher");
      path = "Spec.Publisher";
    }
    type = type.strip().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) {
      return null;
    }
    if (type.equals("estuary") || type.equals("filecoin")) {
      problems.add(
          new SpecProblem(
              path, "publisher '" + type + "' is not supported any more (use ipfs, s3 or local)"));
      return null;
    }
    ObjectNode publisher = NODES.objectNode().put("Type", type);
    if (params != null && params.isObject()) {
      publisher.set("Params", params.deepCopy());
    }
    return publisher;
  }

  private static ObjectNode network(JsonNode spec, List<SpecProblem> problems) {
    ObjectNode out = NODES.objectNode();
    JsonNode network = TopLevelKeys.get(spec, "Network");
    JsonNode type = network == null ? null : TopLevelKeys.get(network, "Type");
    String t =
        type == null || type.isNull() ? "none" : type.asText().strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "none", "0", "" -> out.put("Type", "None");
      case "full", "1" -> out.put("Type", "Host");
      case "http", "2" -> out.put("Type", "HTTP");
      default ->
          problems.add(
              new SpecProblem(
                  "Spec.Network.Type",
                  "expected None, Full or HTTP, got " + TreeKinds.describe(type)));
    }
    copyIfPresent(network == null ? NODES.objectNode() : network, "Domains", out, "Domains");
    return out;
  }
}
