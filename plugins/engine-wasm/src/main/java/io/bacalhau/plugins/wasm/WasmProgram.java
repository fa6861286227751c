package io.bacalhau.plugins.wasm;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One module run, in engine-neutral terms: what {@link ChicoryRuntime} needs and nothing of the
 * job.
 *
 * @param imports modules named by ImportModules
 * @param resolver finds a module for an import module name no ImportModules entry provides
 * @param args argv, argv[0] included
 * @param env in the order the module sees it
 * @param memoryLimitPages the most 64 KiB pages the module may use, 0 for the module's own limit
 */
record WasmProgram(
    ModuleSource entry,
    List<ModuleSource> imports,
    Function<String, Optional<ModuleSource>> resolver,
    String entrypoint,
    List<String> args,
    Map<String, String> env,
    List<Mount> mounts,
    int memoryLimitPages,
    OutputStream stdout,
    OutputStream stderr) {

  static Function<String, Optional<ModuleSource>> noResolver() {
    return name -> Optional.<ModuleSource>empty();
  }
}
