package io.bacalhau.cli.wasm;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.job.JobLauncher;
import io.bacalhau.cli.job.RuntimeOptions;
import io.bacalhau.cli.run.JobFlags;
import io.bacalhau.cli.run.RunSpecs;
import io.bacalhau.cli.run.TaskFlags;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalhau wasm run ENTRY-MODULE [wasm-args...]}: builds a wasm job from flags and submits
 * it like {@code job run}. Everything after the module is the module's arguments.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = WasmRunCommand.StopAtModule.class,
    description = {
      "Run a WebAssembly module as a job: ENTRY-MODULE [wasm-args...].",
      "ENTRY-MODULE is a local .wasm file (sent with the job), a URI (s3://, https://, ipfs://;"
          + " add :/target to choose where it is mounted, default main.wasm), or the target path"
          + " of an input given with -i.",
      "Exit codes: 0 completed, 3 failed or stopped, 4 wait timed out, 5 rejected."
    })
public final class WasmRunCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "ENTRY-MODULE", description = "The module to run.")
  private String entryModule;

  @Parameters(
      index = "1..*",
      paramLabel = "ARG",
      description = "Arguments for the module (-- before them is accepted).")
  private List<String> args = new ArrayList<>();

  @Option(
      names = "--entry-point",
      paramLabel = "<name>",
      description = "The exported function to call (default: ${DEFAULT-VALUE}).")
  private String entryPoint = "_start";

  @Option(
      names = {"-I", "--import-modules"},
      split = ",",
      paramLabel = "<module>",
      description =
          "Modules whose exports satisfy the entry module's imports: input targets, or"
              + " FILE:/target and URI:/target (repeatable, comma-separated).")
  private List<String> importModules = new ArrayList<>();

  @Mixin private JobFlags jobFlags;
  @Mixin private TaskFlags taskFlags;
  @Mixin private RuntimeOptions runtime;

  WasmRunCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (runtime.submits()) {
      session.prepareNode();
    }
    return new JobLauncher(session).launch(job(), runtime);
  }

  Job job() {
    Path cwd = session.context().workingDir();
    ModuleArg entry = ModuleArg.parse(entryModule, "ENTRY-MODULE", false, cwd);
    List<InputSource> moduleInputs = new ArrayList<>();
    entry.input().ifPresent(moduleInputs::add);
    List<String> importTargets = new ArrayList<>();
    for (String value : importModules) {
      ModuleArg m = ModuleArg.parse(value, "--import-modules", true, cwd);
      m.input().ifPresent(moduleInputs::add);
      importTargets.add(m.target());
    }
    List<String> params = new ArrayList<>(args);
    if (!params.isEmpty() && params.get(0).equals("--")) {
      params.remove(0);
    }
    Map<String, Object> engine = new LinkedHashMap<>();
    engine.put("EntryModule", entry.target());
    engine.put("Entrypoint", entryPoint);
    if (!params.isEmpty()) {
      engine.put("Parameters", List.copyOf(params));
    }
    if (!importTargets.isEmpty()) {
      engine.put("ImportModules", List.copyOf(importTargets));
    }
    Job job = RunSpecs.job(jobFlags, taskFlags, SpecConfig.of("wasm", engine));
    List<InputSource> inputs = new ArrayList<>(job.task().inputSources());
    inputs.addAll(moduleInputs);
    if (inputs.isEmpty()) {
      // Not a file here, not a URI, and no input could hold it: surely a typo, caught before
      // anything is submitted rather than as a failed job.
      throw new UsageException(
          "ENTRY-MODULE '" + entryModule + "' is not a file in " + cwd + " and no input holds it",
          "Give the path of a local .wasm file, a URI (https://, s3://, ipfs://), or the module's"
              + " path inside an input given with -i.");
    }
    return job.toBuilder().task(job.task().toBuilder().inputSources(inputs).build()).build();
  }

  /** Everything after the module belongs to the module, never to us. */
  static final class StopAtModule implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.parser().stopAtPositional(true);
      return spec;
    }
  }
}
