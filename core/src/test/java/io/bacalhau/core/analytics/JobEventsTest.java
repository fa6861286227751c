package io.bacalhau.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bacalhau.core.identity.Hashing;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobEventsTest {
  @Test
  void aSubmissionIsCountsTypesAndHashesNeverContents() {
    Job job =
        Job.builder()
            .id("j-1")
            .name("nightly-report")
            .namespace("team-secret")
            .type(JobType.BATCH)
            .count(2)
            .labels(Map.of("a", "b"))
            .task(
                Task.builder()
                    .name("crunch")
                    .engine(SpecConfig.of("docker", Map.of("Image", "acme/private:1")))
                    .env(Map.of("TOKEN", "hunter2"))
                    .inputSources(
                        List.of(
                            new InputSource(
                                SpecConfig.of("localDirectory", Map.of("SourcePath", "/home/a")),
                                "",
                                "/in")))
                    .resources(new ResourcesConfig("500m", "1Gb", "", ""))
                    .build())
            .build();

    Map<String, Object> p = JobEvents.submitted(job, List.of(), "").properties();

    assertEquals(true, p.get("name_set"));
    assertEquals(Hashing.sha256("team-secret"), p.get("namespace_hash"));
    assertEquals(Hashing.sha256("crunch"), p.get("task_name_hash"));
    assertEquals(2L, p.get("count"));
    assertEquals(1L, p.get("labels_count"));
    assertEquals(1L, p.get("task_env_var_count"));
    assertEquals(List.of("localDirectory"), p.get("task_input_source_types"));
    assertEquals(0.5, ((Map<?, ?>) p.get("resources")).get("cpu_units"));
    String all = p.toString();
    for (String secret :
        List.of("hunter2", "acme/private", "/home/a", "nightly-report", "team-secret")) {
      assertFalse(all.contains(secret), secret + " in " + all);
    }
  }
}
