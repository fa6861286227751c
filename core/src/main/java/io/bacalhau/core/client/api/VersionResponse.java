package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.version.BuildInfo;
import java.util.Locale;

/** {@code GET /api/v1/agent/version}: Bacalhau's BuildVersionInfo, its fields inline. */
public record VersionResponse(
    @JsonProperty("Major") String major,
    @JsonProperty("Minor") String minor,
    @JsonProperty("GitVersion") String gitVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("BuildDate") String buildDate,
    @JsonProperty("GOOS") String goos,
    @JsonProperty("GOARCH") String goarch) {

  /** This build, with the OS and architecture named as Go names them. */
  public static VersionResponse of(BuildInfo build) {
    String version = build.version();
    String[] parts = version.replaceFirst("^v", "").split("[.-]");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return new VersionResponse(
        parts.length > 0 ? parts[0] : "",
        parts.length > 1 ? parts[1] : "",
        version.startsWith("v") ? version : "v" + version,
        build.gitCommit(),
        build.buildDate(),
        os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os,
        goArch(System.getProperty("os.arch", "")));
  }

  /** Go's name for a JVM architecture ({@code amd64} for x86_64, {@code arm64} for aarch64). */
  public static String goArch(String jvmArch) {
    return switch (jvmArch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> jvmArch;
    };
  }
}
