package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.jobspec.JobSpecParser;
import io.bacalhau.core.jobspec.ParsedSpec;
import io.bacalhau.core.jobspec.SpecCheck;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalhau job run FILE|-}: submits a spec and, by default, waits for the job to end. */
@Command(
    name = "run",
    description = {
      "Submit a job spec (YAML or JSON) and wait for it to end.",
      "Exit codes: 0 completed, 3 failed or stopped, 4 wait timed out, 5 rejected."
    })
public final class JobRunCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "The spec file, or - for stdin.")
  private String file;

  @Mixin private RuntimeOptions runtime;

  @Mixin private OutputOption output;

  // Not mixinStandardHelpOptions: its -V (version) would clash with Bacalhau's -V template vars.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;

  @Option(
      names = {"-V", "--template-vars"},
      paramLabel = "KEY=VALUE",
      description = "A variable for {{.KEY}} in the spec (repeatable).")
  private Map<String, String> templateVars = new LinkedHashMap<>();

  @Option(
      names = {"-E", "--template-envs"},
      paramLabel = "<regex>",
      description =
          "Also offer environment variables whose names match this pattern as template variables.")
  private String templateEnvs;

  @Option(
      names = "--no-template",
      description = "Use the spec as it is, without template rendering.")
  private boolean noTemplate;

  JobRunCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (runtime.submits()) {
      session.prepareNode();
    }
    SpecSource.Content content = SpecSource.read(session, file, ExitCode.JOB_REJECTED);
    byte[] bytes = content.bytes();
    if (!noTemplate) {
      bytes =
          SpecTemplate.render(SpecSource.text(content), variables())
              .getBytes(StandardCharsets.UTF_8);
    }
    ParsedSpec parsed = JobSpecParser.read(content.name(), bytes);
    String what = "the job spec in " + content.name();
    if (!parsed.ok()) {
      // Not even a job: report what validation would add too, so one round fixes everything.
      throw SpecProblemsReport.failure(
          ExitCode.JOB_REJECTED, what, SpecCheck.of(parsed).problems());
    }
    if (runtime.showsWarnings()) {
      // The node repeats the sanitizer's warnings on submission; only the parser's are ours.
      parsed.warnings().forEach(w -> session.err().println("Warning: " + w));
    }
    return new JobLauncher(session)
        .launch(parsed.job(), runtime.printing(output.format), what, true);
  }

  private Map<String, String> variables() {
    Map<String, String> vars = new LinkedHashMap<>();
    if (templateEnvs != null && !templateEnvs.isBlank()) {
      Pattern p =
          Pattern.compile(templateEnvs.equals("*") ? ".*" : templateEnvs.replace("*", ".*"));
      session
          .context()
          .env()
          .forEach(
              (k, v) -> {
                if (p.matcher(k).matches()) {
                  vars.put(k, v);
                }
              });
    }
    vars.putAll(templateVars);
    return vars;
  }
}
