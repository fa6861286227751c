package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timeout of 9223372036 s passed validation and made a job that never ran; one second more passed
 * too and then failed submission with "long overflow". Every timeout is bounded instead.
 */
class TimeoutLimitsTest {
  private static List<String> submission(String timeouts) {
    String spec = Specs.MINIMAL + "    Timeouts: " + timeouts + "\n";
    return Specs.lines(JobValidator.validateSubmission(JobNormalizer.normalize(Specs.job(spec))));
  }

  @Test
  void timeoutsBeyondAHundredYearsAreRejectedNamingTheField() {
    assertEquals(
        List.of(
            "Tasks[0].Timeouts.ExecutionTimeout: timeout of 9223372036s is longer than the"
                + " maximum of 3155760000s (100 years)",
            "Tasks[0].Timeouts.QueueTimeout: timeout of 9223372037s is longer than the maximum"
                + " of 3155760000s (100 years)",
            "Tasks[0].Timeouts.TotalTimeout: timeout of 9223372036854775807s is longer than the"
                + " maximum of 3155760000s (100 years)"),
        submission(
            "{ExecutionTimeout: 9223372036, QueueTimeout: 9223372037,"
                + " TotalTimeout: 9223372036854775807}"));
  }

  @Test
  void aHundredYearsIsTheLongestTimeoutAllowed() {
    assertEquals(
        List.of(),
        submission(
            "{ExecutionTimeout: 3155760000, QueueTimeout: 3155760000, TotalTimeout: 3155760000}"));
    assertEquals(
        List.of(
            "Tasks[0].Timeouts.TotalTimeout: timeout of 3155760001s is longer than the maximum"
                + " of 3155760000s (100 years)"),
        submission("{TotalTimeout: 3155760001}"));
  }

  @Test
  void hugeTimeoutsDoNotOverflowIntoTheTotalTimeoutRule() {
    Job job = JobNormalizer.normalize(Specs.job(Specs.MINIMAL));
    Job stored =
        job.toBuilder()
            .id("j-1")
            .name("n")
            .task(
                job.task().toBuilder()
                    .publisher(SpecConfig.of("noop"))
                    .timeouts(new TimeoutConfig(Long.MAX_VALUE, Long.MAX_VALUE, 10))
                    .build())
            .build();
    List<String> problems = Specs.lines(JobValidator.validate(stored));
    assertEquals(2, problems.size(), problems.toString());
    assertEquals(
        List.of("Tasks[0].Timeouts.ExecutionTimeout", "Tasks[0].Timeouts.QueueTimeout"),
        problems.stream().map(p -> p.substring(0, p.indexOf(':'))).toList());
  }
}
