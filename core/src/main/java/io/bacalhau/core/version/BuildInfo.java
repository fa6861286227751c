package io.bacalhau.core.version;

import io.bacalhau.core.models.BuildVersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version stamped into the jar at build time. */
public record BuildInfo(String version, String gitCommit, String buildDate) {

  private static final BuildInfo CURRENT = load();

  public static BuildInfo current() {
    return CURRENT;
  }

  /** This build as Bacalhau's API reports a version; a build date that is no instant is none. */
  public BuildVersionInfo versionInfo() {
    return BuildVersionInfo.of(version, gitCommit, BuildVersionInfo.parseDate(buildDate));
  }

  private static BuildInfo load() {
    Properties props = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        props.getProperty("version", "unknown"),
        props.getProperty("commit", ""),
        props.getProperty("date", ""));
  }
}
