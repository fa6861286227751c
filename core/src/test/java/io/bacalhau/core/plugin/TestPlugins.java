package io.bacalhau.core.plugin;

import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/** Ready-made plugins for tests: a working third-party engine and every way to be broken. */
public final class TestPlugins {
  private TestPlugins() {}

  /**
   * A third-party {@code exec} engine that runs a host command in the execution's work dir: what a
   * team would write to add an engine (the README's "Writing a plugin" shows the same).
   */
  public static PluginBuilder exec() {
    return PluginBuilder.plugin("exec-engine")
        .descriptor("Plugin-Description", "Runs a host command")
        .source(
            "com.example.exec.ExecEngineFactory",
            """
            package com.example.exec;

            import io.bacalhau.core.spi.Installation;
            import io.bacalhau.core.spi.ProviderContext;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineFactory;

            public final class ExecEngineFactory implements EngineFactory<ExecEngineFactory.Config> {
              public record Config(String shell) {}

              @Override public String type() { return "exec"; }
              @Override public Class<Config> configType() { return Config.class; }
              @Override public String configSection() { return "Engines.Types.Exec"; }
              @Override public Installation isInstalled(Config config) { return Installation.ok(); }
              @Override public Engine create(Config config, ProviderContext context) {
                return new ExecEngine(config.shell() == null ? "/bin/sh" : config.shell());
              }
            }
            """)
        .source(
            "com.example.exec.ExecEngine",
            """
            package com.example.exec;

            import io.bacalhau.core.spi.ExecutionEvents;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineResult;
            import io.bacalhau.core.spi.engine.RunRequest;

            final class ExecEngine implements Engine {
              private final String shell;

              ExecEngine(String shell) { this.shell = shell; }

              @Override
              public EngineResult run(RunRequest request, ExecutionEvents events) throws Exception {
                String command = String.valueOf(request.engineSpec().param("Command"));
                events.emit("Exec", "Running " + command + " in " + request.workDir());
                Process process = new ProcessBuilder(shell, "-c", command)
                    .directory(request.workDir().toFile())
                    .start();
                Thread errors = Thread.ofVirtual().start(() -> {
                  try { process.getErrorStream().transferTo(request.stderr()); }
                  catch (java.io.IOException e) { /* the process went away */ }
                });
                try {
                  process.getInputStream().transferTo(request.stdout());
                  int exitCode = process.waitFor();
                  errors.join();
                  events.emit("Exec", "Exited with " + exitCode);
                  return EngineResult.exited(exitCode);
                } finally {
                  process.destroyForcibly();
                }
              }
            }
            """)
        .service(EngineFactory.class, "com.example.exec.ExecEngineFactory");
  }

  /** A publisher whose factory throws when created. */
  public static PluginBuilder throwingFactory() {
    return PluginBuilder.plugin("throwing")
        .source(
            "com.example.bad.ThrowingFactory",
            """
            package com.example.bad;

            public final class ThrowingFactory
                extends com.example.bad.Base {
              public ThrowingFactory() {
                throw new IllegalStateException("cannot reach the licence server");
              }
            }
            """)
        .source("com.example.bad.Base", base("com.example.bad", "thrown"))
        .service(PublisherFactory.class, "com.example.bad.ThrowingFactory");
  }

  /** A publisher factory that needs a class its jar does not contain. */
  public static PluginBuilder missingClass() {
    return PluginBuilder.plugin("missing-class")
        .source("com.example.gone.Base", base("com.example.gone", "gone"))
        .source(
            "com.example.gone.GoneFactory",
            """
            package com.example.gone;

            public final class GoneFactory extends Base {}
            """)
        .omitClass("com.example.gone.Base")
        .service(PublisherFactory.class, "com.example.gone.GoneFactory");
  }

  /** A plain publisher of the given type, for plugins that must load fine. */
  public static PluginBuilder publisher(String id, String type) {
    String pkg = "com.example." + id.replace('-', '_');
    return PluginBuilder.plugin(id)
        .source(pkg + ".Base", base(pkg, type))
        .source(
            pkg + ".Factory", "package " + pkg + ";\npublic final class Factory extends Base {}\n")
        .service(PublisherFactory.class, pkg + ".Factory");
  }

  /** An abstract publisher factory of a type, which does nothing when asked to publish. */
  private static String base(String pkg, String type) {
    return """
        package %s;

        import io.bacalhau.core.models.SpecConfig;
        import io.bacalhau.core.spi.Installation;
        import io.bacalhau.core.spi.ProviderContext;
        import io.bacalhau.core.spi.publisher.Publisher;
        import io.bacalhau.core.spi.publisher.PublisherFactory;

        public abstract class Base implements PublisherFactory<Base.Config> {
          public record Config() {}

          @Override public String type() { return "%s"; }
          @Override public Class<Config> configType() { return Config.class; }
          @Override public String configSection() { return "Publishers.Types.X"; }
          @Override public Installation isInstalled(Config config) { return Installation.ok(); }
          @Override public Publisher create(Config config, ProviderContext context) {
            return (request, events) -> SpecConfig.EMPTY;
          }
        }
        """
        .formatted(pkg, type);
  }

  /**
   * An engine of type {@code type} that recurses until the stack overflows in one of its methods:
   * {@code type}, {@code configType}, {@code configSection}, {@code isInstalled}, {@code create}
   * (factory methods) or {@code run} (the engine's), as a plugin with a runaway recursion would.
   */
  public static PluginBuilder overflowing(String type, String method) {
    return faulty("overflow-" + method, type, method, "T t = fail(); return t;");
  }

  /** An engine of type {@code type} whose {@code method} (as above) calls System.exit(7). */
  public static PluginBuilder exiting(String type, String method) {
    return faulty("exit-" + method, type, method, "System.exit(7); return null;");
  }

  /**
   * An engine {@code slow-close} that sleeps for its {@code SleepMillis} param, and takes 3 s to
   * close: a node being closed (a signal) is then still closing while the command goes on.
   */
  public static PluginBuilder slowToClose() {
    return PluginBuilder.plugin("slow-close")
        .source(
            "com.example.slow.Factory",
            """
            package com.example.slow;

            import io.bacalhau.core.spi.Installation;
            import io.bacalhau.core.spi.ProviderContext;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineFactory;
            import io.bacalhau.core.spi.engine.EngineResult;
            import io.bacalhau.core.spi.engine.RunRequest;
            import io.bacalhau.core.spi.ExecutionEvents;

            public final class Factory implements EngineFactory<Factory.Config> {
              public record Config() {}

              @Override public String type() { return "slow-close"; }
              @Override public Class<Config> configType() { return Config.class; }
              @Override public String configSection() { return "Engines.Types.SlowClose"; }
              @Override public Installation isInstalled(Config config) { return Installation.ok(); }
              @Override public Engine create(Config config, ProviderContext context) {
                return new Engine() {
                  @Override public EngineResult run(RunRequest request, ExecutionEvents events)
                      throws Exception {
                    Thread.sleep(Long.parseLong(
                        String.valueOf(request.engineSpec().param("SleepMillis"))));
                    return EngineResult.exited(0);
                  }

                  @Override public void close() {
                    try { Thread.sleep(3000); } catch (InterruptedException e) { }
                  }
                };
              }
            }
            """)
        .service(EngineFactory.class, "com.example.slow.Factory");
  }

  /** An engine plugin whose {@code method} runs {@code fault} (the body of a generic method). */
  private static PluginBuilder faulty(String id, String type, String method, String fault) {
    String pkg = "com.example." + id.replace('-', '_').toLowerCase(java.util.Locale.ROOT);
    java.util.function.Function<String, String> body =
        m -> m.equals(method) ? "Fault.fail()" : null;
    return PluginBuilder.plugin(id)
        .source(
            pkg + ".Fault",
            """
            package %s;

            final class Fault {
              static <T> T fail() {
                %s
              }
            }
            """
                .formatted(pkg, fault))
        .source(
            pkg + ".Factory",
            """
            package %s;

            import io.bacalhau.core.spi.Installation;
            import io.bacalhau.core.spi.ProviderContext;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineFactory;
            import io.bacalhau.core.spi.engine.EngineResult;

            public final class Factory implements EngineFactory<Factory.Config> {
              public record Config() {}

              @Override public String type() { return %s; }
              @Override public Class<Config> configType() { return %s; }
              @Override public String configSection() { return %s; }
              @Override public Installation isInstalled(Config config) { return %s; }
              @Override public Engine create(Config config, ProviderContext context) {
                return %s;
              }
            }
            """
                .formatted(
                    pkg,
                    or(body.apply("type"), '"' + type + '"'),
                    or(body.apply("configType"), "Config.class"),
                    or(body.apply("configSection"), "\"Engines.Types.Faulty\""),
                    or(body.apply("isInstalled"), "Installation.ok()"),
                    or(
                        body.apply("create"),
                        "(request, events) -> " + or(body.apply("run"), "EngineResult.exited(0)"))))
        .service(EngineFactory.class, pkg + ".Factory");
  }

  private static String or(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  /** An engine that is never installed here, and says why. */
  public static PluginBuilder uninstalledEngine() {
    return PluginBuilder.plugin("gpu-engine")
        .source(
            "com.example.gpu.GpuEngineFactory",
            """
            package com.example.gpu;

            import io.bacalhau.core.spi.Installation;
            import io.bacalhau.core.spi.ProviderContext;
            import io.bacalhau.core.spi.engine.Engine;
            import io.bacalhau.core.spi.engine.EngineFactory;

            public final class GpuEngineFactory implements EngineFactory<GpuEngineFactory.Config> {
              public record Config() {}

              @Override public String type() { return "gpu-only"; }
              @Override public Class<Config> configType() { return Config.class; }
              @Override public String configSection() { return "Engines.Types.GpuOnly"; }
              @Override public Installation isInstalled(Config config) {
                return Installation.missing("no GPU on this machine");
              }
              @Override public Engine create(Config config, ProviderContext context) {
                throw new IllegalStateException("never created: not installed");
              }
            }
            """)
        .service(EngineFactory.class, "com.example.gpu.GpuEngineFactory");
  }
}
