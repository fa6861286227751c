package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job reads a variable of the node's environment only when Compute.Env.AllowList names it. */
class EnvironmentBuilderTest {
  private static final Map<String, String> HOST =
      Map.of("AWS_SECRET_ACCESS_KEY", "host-secret", "PUBLIC_REGION", "eu-1");

  private static Job job(Map<String, String> env) {
    return Job.builder()
        .id("j-1")
        .type("batch")
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop", Map.of())).env(env).build())
        .build();
  }

  @Test
  void aHostVariableTheNodeDoesNotAllowIsRefusedNamingTheKey() {
    Job job = job(Map.of("KEY", "env:AWS_SECRET_ACCESS_KEY"));
    String why = EnvironmentBuilder.unresolvable(job, List.of("PUBLIC_*"), HOST);
    assertTrue(why.contains("reads host variable AWS_SECRET_ACCESS_KEY"), why);
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                EnvironmentBuilder.build(
                    job, Execution.builder().id("e-1").build(), List.of("PUBLIC_*"), HOST));
    assertTrue(e.hint().contains("Compute.Env.AllowList"), e.hint());
  }

  @Test
  void anAllowedHostVariableIsReadAndLiteralsStayLiterals() {
    Job job = job(Map.of("REGION", "env:PUBLIC_REGION", "PLAIN", "AWS_SECRET_ACCESS_KEY"));
    assertNull(EnvironmentBuilder.unresolvable(job, List.of("PUBLIC_*"), HOST));
    Map<String, String> env =
        EnvironmentBuilder.build(
            job, Execution.builder().id("e-1").build(), List.of("PUBLIC_*"), HOST);
    assertEquals("eu-1", env.get("REGION"));
    assertEquals("AWS_SECRET_ACCESS_KEY", env.get("PLAIN"));
  }

  @Test
  void anEmptyAllowListReadsNothingFromTheHost() {
    assertTrue(
        EnvironmentBuilder.unresolvable(job(Map.of("R", "env:PUBLIC_REGION")), List.of(), HOST)
            != null);
  }
}
