package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobValidatorTest {
  private static List<String> submission(String spec) {
    return Specs.lines(JobValidator.validateSubmission(JobNormalizer.normalize(Specs.job(spec))));
  }

  private static String task(String extra) {
    return """
        Type: batch
        Tasks:
          - Name: main
            Engine: {Type: noop}
        """
        + extra.indent(4);
  }

  @Test
  void minimalJobIsValid() {
    assertEquals(List.of(), submission(Specs.MINIMAL));
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    List<String> problems =
        submission(
            """
            Count: -1
            Tasks:
              - Name: " "
                Engine: {Params: {Image: x}}
                Env: {lower: x, 9LIVES: x, BACALHAU_X: x, EMPTY: ""}
                Resources: {CPU: lots, Memory: 1Zb, GPU: "1.5"}
                Timeouts: {ExecutionTimeout: -5}
            """);
    assertEquals(
        List.of(
            "Type: missing job type (batch, ops, daemon or service)",
            "Count: count must not be negative, got -1",
            "Tasks[0].Name: missing task name",
            "Tasks[0].Env.lower: environment variable names must be upper case",
            "Tasks[0].Env.9LIVES: environment variable names start with a letter and contain"
                + " only letters, digits and _",
            "Tasks[0].Env.BACALHAU_X: environment variable names must not start with BACALHAU_"
                + " (reserved for the system)",
            "Tasks[0].Env.EMPTY: environment variable value must not be empty",
            "Tasks[0].Engine.Type: missing engine type (e.g. docker, wasm, noop)",
            "Tasks[0].Timeouts.ExecutionTimeout: timeout must not be negative, got -5",
            "Tasks[0].Resources.CPU: invalid CPU value: \"lots\" (expected a number of cores like"
                + " \"500m\", \"1.5\" or \"2\")",
            "Tasks[0].Resources.Memory: invalid Memory value: \"1zb\" (expected a size like"
                + " \"512Mb\", \"1Gi\", \"2GB\" or \"1e9\")",
            "Tasks[0].Resources.GPU: invalid GPU value: \"1.5\" (expected a whole number of GPUs"
                + " like \"1\")"),
        problems);
  }

  @Test
  void jobTypeAndCountRules() {
    assertEquals(
        List.of("Type: invalid job type: \"cron\" (valid: batch, ops, daemon, service)"),
        submission(Specs.MINIMAL.replace("batch", "cron")));
    Job daemon = Specs.job(Specs.MINIMAL.replace("batch", "daemon") + "Count: 3\n");
    assertEquals(
        List.of("Count: daemon jobs cannot specify count > 1 as they run on all matching nodes"),
        Specs.lines(JobValidator.validateSubmission(daemon)));
    assertEquals(0, JobNormalizer.normalize(daemon).count(), "normalize forces daemon count 0");
    assertEquals(
        List.of("Tasks: missing job tasks (a job needs one task)"),
        submission("Type: batch\nTasks: []\n"));
  }

  @Test
  void inputsAndResultsNeedTargetsAndNoDuplicates() {
    List<String> problems =
        submission(
            task(
                """
                InputSources:
                  - {Alias: a, Target: /in, Source: {Type: s3}}
                  - {Alias: a, Target: /in, Source: {Type: s3}}
                  - {Source: {Params: {URL: x}}}
                ResultPaths:
                  - {Name: out, Path: /out}
                  - {Name: out, Path: relative}
                  - {Name: other, Path: /out}
                  - {Path: /x}
                """));
    assertEquals(
        List.of(
            "Tasks[0].InputSources[1].Target: duplicate input target: /in",
            "Tasks[0].InputSources[1].Alias: duplicate input alias: a",
            "Tasks[0].InputSources[2].Target: missing target path for input source",
            "Tasks[0].InputSources[2].Source.Type: missing input source type (e.g. s3,"
                + " urlDownload, inline)",
            "Tasks[0].ResultPaths[1].Name: duplicate result path name: out",
            "Tasks[0].ResultPaths[1].Path: result path must be absolute, got \"relative\"",
            "Tasks[0].ResultPaths[2].Path: duplicate result path: /out",
            "Tasks[0].ResultPaths[3].Name: missing result path name"),
        problems);
  }

  @Test
  void constraintOperatorsNeedTheRightNumberOfValues() {
    List<String> problems =
        submission(
            Specs.MINIMAL
                + """
                Constraints:
                  - {Key: a, Operator: in}
                  - {Key: b, Operator: exists, Values: [x]}
                  - {Key: c, Operator: "=", Values: [x, y]}
                  - {Key: d, Operator: gt, Values: [big]}
                  - {Key: "", Operator: like, Values: [x]}
                  - {Key: favour_gpu, Operator: "!"}
                  - {Key: e, Operator: NotIn, Values: [x]}
                """);
    assertEquals(
        List.of(
            "Constraints[0].Values: operator 'in' needs at least one value",
            "Constraints[1].Values: operator 'exists' takes no values",
            "Constraints[2].Values: operator '=' needs exactly one value, got 2",
            "Constraints[3].Values[0]: operator 'gt' compares whole numbers, got \"big\"",
            "Constraints[4].Key: missing constraint key",
            "Constraints[4].Operator: unknown operator 'like' (valid: =, ==, !=, in, notin,"
                + " exists, !, gt, lt)"),
        problems);
  }

  @Test
  void networkRules() {
    assertEquals(
        List.of(
            "Tasks[0].Network.Type: invalid network type: \"wifi\" (valid: Default, None, Host,"
                + " HTTP, Bridge)"),
        submission(task("Network: {Type: wifi}")));
    assertEquals(
        List.of(),
        submission(task("Network: {Type: http, Domains: [Example.COM, .example.org, 10.0.0.1]}")));
    assertEquals(
        List.of(
            "Tasks[0].Network.Domains: domains can only be set with network type HTTP",
            "Tasks[0].Network.Domains[0]: invalid domain \"not a domain\" (a host name like"
                + " example.com, .example.com for its subdomains, or an IP address)"),
        submission(task("Network: {Type: None, Domains: [not a domain]}")));
    assertEquals(
        List.of("Tasks[0].Network.Ports: ports can only be set with network type Host or Bridge"),
        submission(task("Network: {Type: HTTP, Domains: [a.com], Ports: [{Name: web}]}")));
    assertEquals(
        List.of(
            "Tasks[0].Network.Ports[1].Name: duplicate port name: web",
            "Tasks[0].Network.Ports[1].Static: static port must be 1024..65535, got 80",
            "Tasks[0].Network.Ports[1].Target: duplicate target port 80",
            "Tasks[0].Network.Ports[2].Name: missing port name",
            "Tasks[0].Network.Ports[2].Target: target port must be 0..65535, got 70000",
            "Tasks[0].Network.Ports[2].HostNetwork: host network must be an IP address, got"
                + " \"localhost\""),
        submission(
            task(
                """
                Network:
                  Type: Bridge
                  Ports:
                    - {Name: web, Static: 8080, Target: 80}
                    - {Name: web, Static: 80, Target: 80}
                    - {Target: 70000, HostNetwork: localhost}
                """)));
    assertEquals(
        List.of(
            "Tasks[0].Network.Ports[0].Target: target port is not allowed in Host mode (the task"
                + " uses Static)"),
        submission(task("Network: {Type: Host, Ports: [{Name: web, Static: 8080, Target: 80}]}")));
  }

  @Test
  void validateAlsoNeedsServerFieldsPublisherAndConsistentTimeouts() {
    Job job =
        JobNormalizer.normalize(
            Specs.job(
                task(
                    "ResultPaths: [{Name: out, Path: /out}]\nTimeouts: {ExecutionTimeout: 50, QueueTimeout: 60, TotalTimeout: 100}")));
    assertEquals(
        List.of(
            "ID: missing job ID",
            "Name: missing job name",
            "Tasks[0].Publisher: publisher must be set if result paths are set",
            "Tasks[0].Timeouts: execution timeout (50s) plus queue timeout (60s) must not exceed"
                + " the total timeout (100s)"),
        Specs.lines(JobValidator.validate(job)));
    Job fixed =
        job.toBuilder()
            .id("j-1")
            .name("n")
            .task(
                job.task().toBuilder()
                    .publisher(io.bacalhau.core.models.SpecConfig.of("noop"))
                    .timeouts(new TimeoutConfig(40, 60, 100))
                    .build())
            .build();
    assertEquals(List.of(), Specs.lines(JobValidator.validate(fixed)));
    assertTrue(
        Specs.lines(JobValidator.validate(fixed.toBuilder().id("j 1").build()))
            .contains("ID: job ID must not contain spaces"));
  }

  @Test
  void storedJobsNeedANamespaceAndNoNulInIdsNamesAndTaskNames() {
    Job parsed = Specs.job(Specs.MINIMAL);
    Job job =
        parsed.toBuilder()
            .id("j-\0")
            .name("a\0b")
            .task(parsed.task().toBuilder().name("t\0").build())
            .build();
    assertEquals(
        List.of(
            "ID: job ID \"j-\\u0000\" contains a control character; it must be a single name:"
                + " no '/', '\\', '.', '..' or control characters (e.g. j-1234)",
            "Name: job name \"a\\u0000b\" contains a control character; it must be a single"
                + " name: no '/', '\\', '.', '..' or control characters (e.g. my-job)",
            "Tasks[0].Name: task name \"t\\u0000\" contains a control character; it must be a"
                + " single name: no '/', '\\', '.', '..' or control characters (e.g. main)",
            "Namespace: missing namespace"),
        Specs.lines(JobValidator.validate(job)));
  }
}
