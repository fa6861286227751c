package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.plugin.PluginBuilder;
import io.bacalhau.core.spi.engine.EngineFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Writing a plugin" code, compiled into a plugin jar, runs a job. */
class ReadmePluginTest {
  @TempDir Path dataDir;

  private static String readmeFactory() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("### Writing a plugin");
    int start = readme.indexOf("```java\n", section) + "```java\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void theReadmeExecPluginRunsAJob() throws IOException {
    String source =
        """
        package com.example.exec;

        import io.bacalhau.core.spi.Installation;
        import io.bacalhau.core.spi.ProviderContext;
        import io.bacalhau.core.spi.engine.Engine;
        import io.bacalhau.core.spi.engine.EngineFactory;
        import io.bacalhau.core.spi.engine.EngineResult;

        """
            + readmeFactory();
    PluginBuilder.plugin("exec-engine")
        .source("com.example.exec.ExecEngineFactory", source)
        .service(EngineFactory.class, "com.example.exec.ExecEngineFactory")
        .jar(dataDir.resolve("plugins"));
    Path spec = dataDir.resolve("hello.yaml");
    Files.writeString(
        spec,
        """
        Name: readme-exec
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine: {Type: exec, Params: {Command: "echo hello"}}
        """);
    CliRunner cli = new CliRunner(dataDir);

    CliRunner.Result run = cli.run("job", "run", spec.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertEquals("hello\n", cli.run("job", "logs", "readme-exec").out());
    assertTrue(
        cli.run("job", "history", "readme-exec", "--wide").out().contains("Running echo hello"));
  }
}
