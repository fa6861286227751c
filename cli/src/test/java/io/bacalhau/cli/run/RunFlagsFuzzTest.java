package io.bacalhau.cli.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.jobspec.InvalidSpecException;
import io.bacalhau.core.jobspec.JobNormalizer;
import io.bacalhau.core.jobspec.SpecCheck;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Jazzer targets for the values of {@code docker run}'s and {@code wasm run}'s data flags: {@code
 * -i/--input}, {@code -p/--publisher}, {@code -o/--output} and {@code --constraints}. Each value
 * goes through the flag's parser and, when accepted, into the job the command builds and checks
 * before it submits. "Clear" here: a {@link UsageException} whose message starts with the flag's
 * name (exit 2), or spec problems located at a field (exit 5). Anything else is a finding.
 */
class RunFlagsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyInputFlagBuildsAJobOrIsRefusedNamingTheFlag(byte[] input) {
    String value = text(input);
    check("--input", value, t -> t.inputs = List.of(value), j -> {});
  }

  @FuzzTest(maxDuration = "30s")
  void anyPublisherFlagBuildsAJobOrIsRefusedNamingTheFlag(byte[] input) {
    String value = text(input);
    check("--publisher", value, t -> t.publisher = value, j -> {});
  }

  @FuzzTest(maxDuration = "30s")
  void anyOutputFlagBuildsAJobOrIsRefusedNamingTheFlag(byte[] input) {
    String value = text(input);
    check("--output", value, t -> t.outputs = List.of(value), j -> {});
  }

  @FuzzTest(maxDuration = "30s")
  void anyConstraintsFlagBuildsAJobOrIsRefusedNamingTheFlag(byte[] input) {
    String value = text(input);
    check("--constraints", value, t -> {}, j -> j.constraints = value);
  }

  private static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  private static void check(
      String flag, String value, Consumer<TaskFlags> onTask, Consumer<JobFlags> onJob) {
    TaskFlags task = new TaskFlags();
    JobFlags job = new JobFlags();
    onTask.accept(task);
    onJob.accept(job);
    Job built;
    try {
      built = RunSpecs.job(job, task, SpecConfig.of("docker", Map.of("Image", "ubuntu")));
    } catch (UsageException e) {
      assertTrue(
          e.getMessage() != null && e.getMessage().startsWith(flag),
          () -> flag + " '" + value + "' refused without naming the flag: " + e.getMessage());
      return;
    }
    try {
      SpecCheck check = SpecCheck.of(JobNormalizer.normalize(built));
      check.problems().forEach(p -> assertTrue(p.message() != null && !p.message().isBlank()));
    } catch (InvalidSpecException e) {
      assertTrue(!e.problems().isEmpty(), e.getMessage());
    }
  }
}
