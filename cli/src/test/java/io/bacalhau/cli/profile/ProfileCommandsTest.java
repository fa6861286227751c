package io.bacalhau.cli.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.testing.Approvals;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles: saved, listed, shown with the token masked, selected, used by commands, deleted. */
class ProfileCommandsTest {
  @TempDir Path dataDir;

  private CliRunner.Result run(String... args) {
    return new CliRunner(dataDir).run(args);
  }

  @Test
  void profilesAreSavedListedShownSelectedAndDeleted() throws Exception {
    assertEquals("No profiles found\n", run("profile", "list").out());
    CliRunner.Result missing = run("profile", "save", "prod");
    assertEquals(ExitCode.USAGE, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("--endpoint is required"), missing.toString());

    assertEquals(
        "Profile \"local\" saved\n",
        run("profile", "save", "local", "--endpoint", "127.0.0.1:1234").out());
    CliRunner.Result prod =
        run(
            "profile",
            "save",
            "prod",
            "--endpoint",
            "https://bacalhau.example:443",
            "--description",
            "the cluster",
            "--timeout",
            "45s",
            "--select");
    assertEquals("Profile \"prod\" saved\nSwitched to profile \"prod\"\n", prod.out());
    // A token is written into the file by hand (or by a login); show masks it.
    Path file = dataDir.resolve("profiles").resolve("prod.yaml");
    Files.writeString(file, Files.readString(file) + "auth:\n  token: abcd1234efgh5678\n");
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));

    Approvals.verify("profile-list", run("profile", "list").out());
    Approvals.verify("profile-show", run("profile", "show").out());
    assertTrue(run("profile", "show", "prod", "--show-token").out().contains("abcd1234efgh5678"));

    assertEquals("Switched to profile \"local\"\n", run("profile", "select", "local").out());
    assertTrue(run("profile", "show").out().startsWith("Name:        local (current)\n"));
    CliRunner.Result refused =
        new CliRunner(dataDir).stdin("n\n").run("profile", "delete", "local");
    assertEquals(ExitCode.ERROR, refused.exitCode(), refused.toString());
    assertEquals("Profile \"local\" deleted\n", run("profile", "delete", "local", "--force").out());
    assertTrue(run("profile", "list").out().contains("prod"));
  }

  @Test
  void commandsTalkToTheProfilesNode() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    run("profile", "save", "gone", "--endpoint", "127.0.0.1:" + port);

    CliRunner.Result byFlag = run("--profile", "gone", "job", "list");
    assertEquals(ExitCode.ERROR, byFlag.exitCode(), byFlag.toString());
    assertTrue(byFlag.err().contains("http://127.0.0.1:" + port), byFlag.toString());

    CliRunner.Result byEnv =
        new CliRunner(dataDir).env("BACALHAU_PROFILE", "gone").run("job", "list");
    assertTrue(byEnv.err().contains("http://127.0.0.1:" + port), byEnv.toString());

    CliRunner.Result unknown = run("--profile", "nope", "job", "list");
    assertEquals(ExitCode.ERROR, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().contains("profile \"nope\" not found"), unknown.toString());

    run("profile", "select", "gone");
    CliRunner.Result selected = run("job", "list");
    assertTrue(selected.err().contains("http://127.0.0.1:" + port), selected.toString());
    // An explicit address wins over the profile: here, nothing named, the embedded node.
    assertEquals(ExitCode.OK, run("version", "--client").exitCode());
  }
}
