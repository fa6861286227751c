package io.bacalhau.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The version block of agent/version and NodeInfo names OS and CPU as Go does, for the web UI. */
class BuildVersionInfoTest {
  @Test
  void majorAndMinorComeFromTheVersionAndGitVersionHasItsV() {
    BuildVersionInfo v = BuildVersionInfo.of("1.9.3", "abc", null);
    assertEquals("1", v.major());
    assertEquals("9", v.minor());
    assertEquals("v1.9.3", v.gitVersion());
    assertEquals(BuildVersionInfo.NO_DATE, v.buildDate());
    BuildVersionInfo dev = BuildVersionInfo.of("0.1.0-SNAPSHOT", "", null);
    assertEquals("v0.1.0-SNAPSHOT", dev.gitVersion());
    assertEquals("", BuildVersionInfo.of("unknown", "", null).major());
  }

  @Test
  void javaSystemNamesBecomeGoNames() {
    assertEquals("linux", BuildVersionInfo.goOs("Linux"));
    assertEquals("darwin", BuildVersionInfo.goOs("Mac OS X"));
    assertEquals("windows", BuildVersionInfo.goOs("Windows 11"));
    assertEquals("amd64", BuildVersionInfo.goArch("x86_64"));
    assertEquals("amd64", BuildVersionInfo.goArch("amd64"));
    assertEquals("arm64", BuildVersionInfo.goArch("aarch64"));
  }
}
