package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerParamsTest {

  @Test
  void readsEveryParamCaseInsensitively() {
    DockerParams p =
        DockerParams.from(
            SpecConfig.of(
                "docker",
                Map.of(
                    "image", "ubuntu:24.04",
                    "Entrypoint", List.of("/bin/sh", "-c"),
                    "Parameters", List.of("echo hi"),
                    "EnvironmentVariables", List.of("A=1", "B=x=y", "EMPTY"),
                    "WorkingDirectory", "/work")));
    assertEquals("ubuntu:24.04", p.image());
    assertEquals(List.of("/bin/sh", "-c"), p.entrypoint());
    assertEquals(List.of("echo hi"), p.parameters());
    assertEquals(Map.of("A", "1", "B", "x=y", "EMPTY", ""), p.environment());
    assertEquals("/work", p.workingDirectory());
  }

  @Test
  void everyProblemIsReportedWithItsParamName() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                DockerParams.from(
                    SpecConfig.of(
                        "docker",
                        Map.of(
                            "Entrypoint", "not-a-list",
                            "EnvironmentVariables", List.of("BACALHAU_JOB_ID=x", "=v"),
                            "WorkingDirectory", "relative"))));
    assertEquals(ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR, e.code());
    String m = e.getMessage();
    assertTrue(m.contains("Engine.Params.Image: required"), m);
    assertTrue(m.contains("Engine.Params.Entrypoint: expected a list of strings"), m);
    assertTrue(m.contains("Engine.Params.EnvironmentVariables: BACALHAU_JOB_ID is reserved"), m);
    assertTrue(m.contains("Engine.Params.EnvironmentVariables: '=v' is not NAME=VALUE"), m);
    assertTrue(
        m.contains("Engine.Params.WorkingDirectory: 'relative' must be an absolute path"), m);
  }

  @Test
  void imagesWithoutTagMeanLatestButDigestsAndRegistryPortsAreKept() {
    assertEquals("busybox:latest", ImageResolver.withDefaultTag("busybox"));
    assertEquals("busybox:1.37", ImageResolver.withDefaultTag("busybox:1.37"));
    assertEquals("host:5000/team/app:latest", ImageResolver.withDefaultTag("host:5000/team/app"));
    assertEquals("app@sha256:abc", ImageResolver.withDefaultTag("app@sha256:abc"));
  }
}
