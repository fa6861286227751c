package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobNormalizerSanitizerTest {
  @Test
  void normalizeFillsDefaultsAndTidiesSpellings() {
    Job job =
        JobNormalizer.normalize(
            Specs.job(
                """
                Type: " Batch "
                Tasks:
                  - Name: main
                    Engine: {Type: " docker "}
                    Resources: {CPU: " 500M ", Memory: "1 Gb\\n"}
                    InputSources: [{Target: " /in ", Alias: " a ", Source: {Type: " s3 "}}]
                    ResultPaths: [{Name: " out ", Path: " /out "}]
                    Network: {Type: HTTP, Domains: [" Example.COM "]}
                """));
    assertEquals("batch", job.type());
    assertEquals("default", job.namespace());
    Task task = job.task();
    assertEquals("docker", task.engine().type());
    assertEquals("500m", task.resources().cpu());
    assertEquals("1gb", task.resources().memory());
    assertEquals("/in", task.inputSources().get(0).target());
    assertEquals("a", task.inputSources().get(0).alias());
    assertEquals("s3", task.inputSources().get(0).source().type());
    assertEquals("out", task.resultPaths().get(0).name());
    assertEquals("/out", task.resultPaths().get(0).path());
    assertEquals(List.of("example.com"), task.network().domains());
    assertEquals(job, JobNormalizer.normalize(job), "normalize is idempotent");
  }

  @Test
  void nameDefaultsToTheIdAndNamespaceIsKept() {
    Job job = Specs.job(Specs.MINIMAL + "Namespace: team-a\n").toBuilder().id("j-1").build();
    Job normalized = JobNormalizer.normalize(job);
    assertEquals("j-1", normalized.name());
    assertEquals("team-a", normalized.namespace());
  }

  @Test
  void sanitizeDropsWhatASubmissionMayNotSetWithAWarningEach() {
    Job parsed =
        Specs.job(Specs.MINIMAL + "Meta: {owner: alice, bacalhau.org/orchestrator.id: x}\n");
    Job job =
        parsed.toBuilder()
            .id("j-1")
            .state(State.of(JobStateType.RUNNING))
            .version(2)
            .revision(3)
            .createTime(5)
            .modifyTime(6)
            .tasks(List.of(parsed.task(), parsed.task()))
            .build();
    JobSanitizer.Sanitized s = JobSanitizer.sanitize(job);
    assertEquals(
        List.of(
            "job state is ignored when submitting a job",
            "job revision is ignored when submitting a job",
            "job version is ignored when submitting a job",
            "job create time is ignored when submitting a job",
            "job modify time is ignored when submitting a job",
            "job ID is ignored when submitting a batch job",
            "only one task is supported per job",
            "job meta key \"bacalhau.org/orchestrator.id\" is reserved and will be ignored"),
        s.warnings());
    assertEquals(Map.of("owner", "alice"), s.job().meta());
    assertEquals(parsed.toBuilder().meta(Map.of("owner", "alice")).build(), s.job());
  }

  @Test
  void literalSecretLookingEnvValuesWarnAndPointToEnvReferences() {
    Job job =
        Specs.job(
            Specs.MINIMAL.replace(
                "Engine:",
                "Env: {db_password: hunter2, API_TOKEN: env:API_TOKEN, AWS_SECRET_ACCESS_KEY: x,"
                    + " GITHUB_KEY: y, KEYS: z, HOME: /root, EMPTY_TOKEN: ''}\n    Engine:"));
    JobSanitizer.Sanitized s = JobSanitizer.sanitize(job);
    assertEquals(
        List.of("AWS_SECRET_ACCESS_KEY", "GITHUB_KEY", "db_password"),
        s.warnings().stream().map(w -> w.substring(13, w.indexOf(' '))).toList(),
        s.warnings().toString());
    assertEquals(
        "Tasks[0].Env.db_password looks like a secret written into the spec, where anyone who can"
            + " read the job sees it (job describe --output json|yaml); write db_password:"
            + " env:db_password to read it from the node's environment, allowed there with"
            + " Compute.Env.AllowList",
        s.warnings().get(2));
    assertEquals(job, s.job(), "the values are kept: the task needs them");
  }

  @Test
  void serviceJobsKeepTheirId() {
    Job job = Specs.job(Specs.MINIMAL.replace("batch", "service")).toBuilder().id("svc").build();
    JobSanitizer.Sanitized s = JobSanitizer.sanitize(job);
    assertEquals(List.of(), s.warnings());
    assertEquals("svc", s.job().id());
  }
}
