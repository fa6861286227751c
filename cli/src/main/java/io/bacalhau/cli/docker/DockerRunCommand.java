package io.bacalhau.cli.docker;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.job.JobLauncher;
import io.bacalhau.cli.job.RuntimeOptions;
import io.bacalhau.cli.run.JobFlags;
import io.bacalhau.cli.run.RunSpecs;
import io.bacalhau.cli.run.TaskFlags;
import io.bacalhau.core.models.SpecConfig;
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
 * {@code bacalhau docker run [flags] IMAGE [COMMAND] [ARG...]}: builds a docker job from flags and
 * submits it like {@code job run}. Everything after IMAGE is the container's command, so its own
 * flags need no quoting ({@code --} before them is accepted too).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = DockerRunCommand.StopAtImage.class,
    description = {
      "Run a Docker image as a job: IMAGE[:TAG|@DIGEST] [COMMAND] [ARG...].",
      "Exit codes: 0 completed, 3 failed or stopped, 4 wait timed out, 5 rejected."
    })
public final class DockerRunCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image, e.g. ubuntu:24.04.")
  private String image;

  @Parameters(
      index = "1..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments (the image's default when omitted).")
  private List<String> command = new ArrayList<>();

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "<dir>",
      description = "Working directory inside the container (absolute).")
  private String workdir = "";

  @Option(
      names = "--entrypoint",
      split = ",",
      paramLabel = "<cmd>",
      description = "Override the image's ENTRYPOINT (comma-separated words).")
  private List<String> entrypoint = new ArrayList<>();

  @Mixin private JobFlags jobFlags;
  @Mixin private TaskFlags taskFlags;
  @Mixin private RuntimeOptions runtime;

  DockerRunCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (runtime.submits()) {
      session.prepareNode();
    }
    return new JobLauncher(session).launch(RunSpecs.job(jobFlags, taskFlags, engine()), runtime);
  }

  /** Everything after the image belongs to the container, never to us. */
  static final class StopAtImage implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.parser().stopAtPositional(true);
      return spec;
    }
  }

  SpecConfig engine() {
    if (!workdir.isBlank() && !workdir.startsWith("/")) {
      throw new UsageException(
          "--workdir '" + workdir + "': must be an absolute path", "For example -w /data.");
    }
    List<String> params = new ArrayList<>(command);
    if (!params.isEmpty() && params.get(0).equals("--")) {
      params.remove(0);
    }
    Map<String, Object> engineParams = new LinkedHashMap<>();
    engineParams.put("Image", image);
    if (!entrypoint.isEmpty()) {
      engineParams.put("Entrypoint", List.copyOf(entrypoint));
    }
    if (!params.isEmpty()) {
      engineParams.put("Parameters", List.copyOf(params));
    }
    if (!workdir.isBlank()) {
      engineParams.put("WorkingDirectory", workdir);
    }
    return SpecConfig.of("docker", engineParams);
  }
}
