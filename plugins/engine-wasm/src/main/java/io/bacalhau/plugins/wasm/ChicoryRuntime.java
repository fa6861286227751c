package io.bacalhau.plugins.wasm;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.log.Logger;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Store;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.InvalidException;
import com.dylibso.chicory.wasm.MalformedException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.bacalhau.plugins.wasm.sandbox.SandboxFileSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The only user of Chicory: compiles modules to JVM bytecode (once per module SHA-256, kept warm in
 * {@link WarmModules} and on disk in a {@link CompiledCache}), links imports, wires WASI preview1
 * to the job's streams and sandboxed mounts, and runs the entrypoint on the calling thread.
 */
final class ChicoryRuntime {
  static final String WASI_MODULE = "wasi_snapshot_preview1";
  private static final Logger SILENT =
      new Logger() {
        @Override
        public void log(Level level, String msg, Throwable throwable) {}

        @Override
        public boolean isLoggable(Level level) {
          return false;
        }
      };

  record Compiled(WasmModule module, Function<Instance, Machine> machines) {}

  /**
   * How many compiled modules stay loaded between jobs. A compiled module is its JVM classes (for
   * the 42 KB csvsum.wasm, a 44 KB jar): a few dozen keep a node's usual jobs warm at a bounded
   * cost, and one evicted is loaded again from the disk cache, not compiled again.
   */
  static final int WARM_MODULES = 32;

  private final WarmModules<Compiled> compiled;
  private final CompiledCache disk;

  /**
   * @param disk where compiled modules outlive this process, or null to keep them in memory only
   */
  ChicoryRuntime(CompiledCache disk) {
    this(disk, WARM_MODULES);
  }

  ChicoryRuntime(CompiledCache disk, int warmModules) {
    this.disk = disk;
    this.compiled = new WarmModules<>(warmModules);
  }

  /** Whether the module with this SHA-256 is compiled and loaded in this process. */
  boolean isWarm(String sha256Hex) {
    return compiled.contains(sha256Hex);
  }

  int warmCount() {
    return compiled.size();
  }

  /** Runs the program to its end. Throws only when the thread was interrupted. */
  WasmOutcome run(WasmProgram program) throws InterruptedException {
    Compiled entry;
    try {
      entry = load(program.entry());
    } catch (WasmFailure f) {
      return WasmOutcome.failed(f.getMessage());
    }
    if (!hasFunctionExport(entry.module(), program.entrypoint())) {
      return WasmOutcome.failed(
          "unable to find the entrypoint '" + program.entrypoint() + "' in the WASM module");
    }
    WasiOptions.Builder options =
        WasiOptions.builder()
            .withStdin(new ByteArrayInputStream(new byte[0]), false)
            .withStdout(program.stdout(), false)
            .withStderr(program.stderr(), false)
            .withArguments(program.args())
            .withRandom(new SecureRandom());
    program.env().forEach(options::withEnvironment);
    try {
      for (Mount m : program.mounts()) {
        options.withDirectory(m.guestPath(), SandboxFileSystem.of(m.host(), m.writable()).root());
      }
    } catch (IOException e) {
      return WasmOutcome.failed("cannot mount an input or result folder: " + e.getMessage());
    }
    try (WasiPreview1 wasi =
        WasiPreview1.builder().withLogger(SILENT).withOptions(options.build()).build()) {
      Store store = new Store().addFunction(wasi.toHostFunctions());
      Set<String> wasiNames =
          Stream.of(wasi.toHostFunctions()).map(f -> f.name()).collect(Collectors.toSet());
      Instance instance = new Linking(program, store, wasiNames).instantiate(entry, false);
      FunctionType type = instance.exportType(program.entrypoint());
      if (!type.params().isEmpty() || !type.returns().isEmpty()) {
        return WasmOutcome.failed(
            "the entrypoint '"
                + program.entrypoint()
                + "' must take no arguments and return"
                + " nothing, but its type is "
                + type);
      }
      instance.export(program.entrypoint()).apply();
      return WasmOutcome.exited(0);
    } catch (WasiExitException e) {
      return WasmOutcome.exited(e.exitCode());
    } catch (ChicoryInterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedException("WASM module stopped");
    } catch (WasmFailure f) {
      return WasmOutcome.failed(f.getMessage());
    } catch (StackOverflowError e) {
      return WasmOutcome.failed("wasm trap: call stack exhausted");
    } catch (OutOfMemoryError e) {
      // A module's memory lives in the node's heap: with no task limit it may grow past what the
      // heap holds. Its instance is unreachable once this returns, so the heap gets it back.
      return WasmOutcome.failed(
          "memory limit exceeded: the module's memory outgrew the node's heap; give the task a"
              + " Resources.Memory (--memory) so that it stops growing sooner");
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("WASM module stopped");
      }
      return WasmOutcome.failed("wasm trap: " + describe(e));
    }
  }

  /** Parses and compiles a module, or takes it from the caches. */
  Compiled load(ModuleSource source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(source.host());
    } catch (IOException e) {
      throw new WasmFailure("cannot read WASM module '" + source.guestPath() + "': " + e);
    }
    String sha = Sha256.hex(bytes);
    return compiled.get(sha, () -> compile(source, bytes, sha));
  }

  private Compiled compile(ModuleSource source, byte[] bytes, String sha) {
    WasmModule module;
    try {
      module = Parser.parse(bytes);
    } catch (MalformedException | InvalidException e) {
      throw new WasmFailure("invalid WASM module '" + source.guestPath() + "': " + e.getMessage());
    } catch (ChicoryException e) {
      throw new WasmFailure("cannot load WASM module '" + source.guestPath() + "': " + describe(e));
    }
    try {
      return new Compiled(module, compiler(module, sha, disk != null));
    } catch (RuntimeException e) {
      if (disk == null) {
        throw new WasmFailure(
            "cannot compile WASM module '" + source.guestPath() + "': " + describe(e));
      }
    }
    disk.remove(sha); // perhaps a broken cache entry: compile afresh, and cache that
    try {
      return new Compiled(module, compiler(module, sha, true));
    } catch (RuntimeException e) {
      throw new WasmFailure(
          "cannot compile WASM module '" + source.guestPath() + "': " + describe(e));
    }
  }

  private Function<Instance, Machine> compiler(WasmModule module, String sha, boolean useDisk) {
    MachineFactoryCompiler.Builder builder =
        MachineFactoryCompiler.builder(module).withInterpreterFallback(InterpreterFallback.SILENT);
    if (useDisk && module.digest() != null) {
      builder.withCache(
          new Cache() {
            @Override
            public byte[] get(String key) {
              return disk.get(sha);
            }

            @Override
            public void putIfAbsent(String key, byte[] data) {
              disk.putIfAbsent(sha, data);
            }
          });
    }
    return builder.compile();
  }

  /** Builds one instance with imports, memory limit and compiled machine. */
  Instance build(Compiled c, Store store, int memoryLimitPages) {
    Instance.Builder builder =
        Instance.builder(c.module())
            .withImportValues(store.toImportValues())
            .withMachineFactory(c.machines())
            // measured faster than the default ByteBufferMemory on compiled code (sha256 bench)
            .withMemoryFactory(ByteArrayMemory::new)
            .withStart(false);
    if (memoryLimitPages > 0 && c.module().memorySection().isPresent()) {
      MemoryLimits own = c.module().memorySection().get().getMemory(0).limits();
      if (own.initialPages() > memoryLimitPages) {
        throw new WasmFailure(
            "memory limit exceeded: the module needs "
                + own.initialPages()
                + " pages of 64 KiB at start, the limit is "
                + memoryLimitPages);
      }
      builder.withMemoryLimits(
          new MemoryLimits(
              own.initialPages(), Math.min(own.maximumPages(), memoryLimitPages), own.shared()));
    }
    try {
      return builder.build();
    } catch (InvalidException e) {
      throw new WasmFailure("invalid WASM module: " + e.getMessage());
    } catch (ChicoryException e) {
      if (e instanceof WasiExitException || e instanceof ChicoryInterruptedException) {
        throw e;
      }
      throw new WasmFailure("cannot instantiate WASM module: " + describe(e));
    }
  }

  /** Links a module's imports depth-first: WASI, then import modules by name, then the FS. */
  private final class Linking {
    private final WasmProgram program;
    private final Store store;
    private final Set<String> wasiNames;
    private final Map<String, Compiled> byName = new java.util.HashMap<>();
    private final Set<String> linked = new java.util.HashSet<>();
    private final Set<String> linking = new java.util.HashSet<>();

    Linking(WasmProgram program, Store store, Set<String> wasiNames) {
      this.program = program;
      this.store = store;
      this.wasiNames = wasiNames;
      for (ModuleSource source : program.imports()) {
        Compiled c = load(source);
        String name = moduleName(c.module());
        if (name.isEmpty()) {
          String file = source.host().getFileName().toString();
          name = file.endsWith(".wasm") ? file.substring(0, file.length() - 5) : file;
        }
        byName.putIfAbsent(name, c);
      }
    }

    Instance instantiate(Compiled c, boolean reactor) {
      for (Import imp : imports(c.module()).toList()) {
        String from = imp.module();
        if (from.equals(WASI_MODULE)) {
          if (imp.importType() == ExternalType.FUNCTION && !wasiNames.contains(imp.name())) {
            throw new WasmFailure(
                "unable to resolve import '"
                    + from
                    + "."
                    + imp.name()
                    + "': WASI preview1 has no such function");
          }
          continue;
        }
        if (linked.contains(from)) {
          continue;
        }
        Compiled provider = byName.get(from);
        if (provider == null) {
          provider = program.resolver().apply(from).map(ChicoryRuntime.this::load).orElse(null);
        }
        if (provider == null) {
          throw new WasmFailure(
              "unable to resolve import '"
                  + from
                  + "."
                  + imp.name()
                  + "': no import module is"
                  + " named '"
                  + from
                  + "' (import modules: "
                  + (byName.isEmpty()
                      ? "none"
                      : String.join(", ", new java.util.TreeSet<>(byName.keySet())))
                  + ")");
        }
        if (!linking.add(from)) {
          throw new WasmFailure(
              "import modules import each other in a cycle through '" + from + "'");
        }
        store.register(from, instantiate(provider, true));
        linked.add(from);
      }
      Instance instance = build(c, store, program.memoryLimitPages());
      if (reactor && hasFunctionExport(c.module(), "_initialize")) {
        instance.export("_initialize").apply();
      }
      return instance;
    }
  }

  /**
   * Names the compiler that made a cached module: classes compiled by one Chicory version may not
   * fit another, so each version has its own cache folder.
   */
  static String compilerVersion() {
    String resource = "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties";
    try (var in = MachineFactoryCompiler.class.getResourceAsStream(resource)) {
      if (in != null) {
        var props = new java.util.Properties();
        props.load(in);
        return "chicory-" + props.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String version = MachineFactoryCompiler.class.getPackage().getImplementationVersion();
    return "chicory-" + (version == null ? "unknown" : version);
  }

  static boolean hasFunctionExport(WasmModule module, String name) {
    var exports = module.exportSection();
    for (int i = 0; i < exports.exportCount(); i++) {
      if (exports.getExport(i).name().equals(name)
          && exports.getExport(i).exportType() == ExternalType.FUNCTION) {
        return true;
      }
    }
    return false;
  }

  static Stream<Import> imports(WasmModule module) {
    var section = module.importSection();
    return java.util.stream.IntStream.range(0, section.importCount()).mapToObj(section::getImport);
  }

  static String moduleName(WasmModule module) {
    return module.nameSection() == null ? "" : module.nameSection().moduleName().orElse("");
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** A module failure with the message the user sees. */
  static final class WasmFailure extends RuntimeException {
    WasmFailure(String message) {
      super(message, null, false, false);
    }
  }
}
