package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The version of a Bacalhau binary as Bacalhau's API reports it: Major and Minor only when known,
 * the build date always (Go's zero time when there is none), OS and architecture in Go's names.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BuildVersionInfo(
    @JsonProperty("Major") @JsonInclude(JsonInclude.Include.NON_EMPTY) String major,
    @JsonProperty("Minor") @JsonInclude(JsonInclude.Include.NON_EMPTY) String minor,
    @JsonProperty("GitVersion") String gitVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("BuildDate") Instant buildDate,
    @JsonProperty("GOOS") String goos,
    @JsonProperty("GOARCH") String goarch) {

  /** Go's zero {@code time.Time}, what Bacalhau writes for an unknown build date. */
  public static final Instant NO_DATE = Instant.parse("0001-01-01T00:00:00Z");

  public static final BuildVersionInfo UNKNOWN = new BuildVersionInfo("", "", "", "", null, "", "");

  public BuildVersionInfo {
    major = Immutables.string(major);
    minor = Immutables.string(minor);
    gitVersion = Immutables.string(gitVersion);
    gitCommit = Immutables.string(gitCommit);
    buildDate = buildDate == null ? NO_DATE : buildDate;
    goos = Immutables.string(goos);
    goarch = Immutables.string(goarch);
  }

  /** This JVM's build of {@code version} ({@code v1.2.3} or {@code 1.2.3}; Major/Minor from it). */
  public static BuildVersionInfo of(String version, String commit, Instant buildDate) {
    String v = Immutables.string(version).strip();
    String[] parts = (v.startsWith("v") ? v.substring(1) : v).split("[.-]");
    boolean numbered = parts.length >= 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+");
    String gitVersion = v.isEmpty() || v.startsWith("v") || !numbered ? v : "v" + v;
    return new BuildVersionInfo(
        numbered ? parts[0] : "",
        numbered ? parts[1] : "",
        gitVersion,
        commit,
        buildDate,
        goOs(System.getProperty("os.name", "")),
        goArch(System.getProperty("os.arch", "")));
  }

  /**
   * A build date as written in build properties or by another node's API (RFC 3339); null when it
   * is empty or not a date, which the record then keeps as Go's zero time.
   */
  public static Instant parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String goOs(String javaName) {
    String n = javaName.toLowerCase(Locale.ROOT);
    if (n.startsWith("mac") || n.startsWith("darwin")) {
      return "darwin";
    }
    if (n.startsWith("windows")) {
      return "windows";
    }
    return n.replace(" ", "");
  }

  static String goArch(String javaArch) {
    return switch (javaArch.toLowerCase(Locale.ROOT)) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i686" -> "386";
      default -> javaArch.toLowerCase(Locale.ROOT);
    };
  }
}
