package io.bacalhau.cli.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.testing.Approvals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auth hash-password} makes hashes the server accepts; {@code auth info} hides secrets. */
class AuthCommandsTest {
  @TempDir Path dataDir;

  @Test
  void hashPasswordPrintsABcryptHashOfCostTwelve() {
    CliRunner.Result hash =
        new CliRunner(dataDir).stdin("correct horse\n").run("auth", "hash-password");
    assertEquals(ExitCode.OK, hash.exitCode(), hash.toString());
    String line = hash.out().strip();
    assertTrue(line.matches("\\$2a\\$12\\$[./A-Za-z0-9]{53}"), hash.toString());
    assertTrue(
        BCrypt.verifyer()
            .verify(
                "correct horse".getBytes(StandardCharsets.UTF_8),
                line.getBytes(StandardCharsets.UTF_8))
            .verified);
    assertFalse(hash.out().contains("correct horse"));
  }

  @Test
  void aPasswordTooLongOrEmptyIsRefused() {
    CliRunner.Result empty = new CliRunner(dataDir).stdin("\n").run("auth", "hash-password");
    assertEquals(ExitCode.ERROR, empty.exitCode(), empty.toString());
    assertTrue(empty.err().contains("the password is empty"), empty.toString());

    CliRunner.Result tooLong =
        new CliRunner(dataDir).stdin("x".repeat(101) + "\n").run("auth", "hash-password");
    assertEquals(ExitCode.ERROR, tooLong.exitCode(), tooLong.toString());
    assertTrue(tooLong.err().contains("longer than 100 characters"), tooLong.toString());

    CliRunner.Result overBcrypt =
        new CliRunner(dataDir).stdin("é".repeat(40) + "\n").run("auth", "hash-password");
    assertEquals(ExitCode.ERROR, overBcrypt.exitCode(), overBcrypt.toString());
    assertTrue(overBcrypt.err().contains("72 bytes"), overBcrypt.toString());
  }

  @Test
  void infoSaysWhichCredentialsAreSetButNeverTheirValues() {
    CliRunner.Result info =
        new CliRunner(dataDir)
            .env("BACALHAU_API_KEY", "k3y-value")
            .env("BACALHAU_API_PASSWORD", "pa55")
            .run("--api-host", "127.0.0.1", "--api-port", "4321", "auth", "info");
    assertEquals(ExitCode.OK, info.exitCode(), info.toString());
    Approvals.verify("auth-info", info.out());
    assertFalse(info.out().contains("k3y-value") || info.out().contains("pa55"), info.toString());

    CliRunner.Result embedded = new CliRunner(dataDir).run("auth", "info");
    assertTrue(
        embedded.out().startsWith("Endpoint:              in-process node on "),
        embedded.toString());
    assertTrue(embedded.out().contains("BACALHAU_API_KEY:      Not Set"), embedded.toString());

    CliRunner.Result resident =
        new CliRunner(dataDir).env("BACALHAU_IN_PROCESS", "0").run("auth", "info");
    assertTrue(
        resident.out().startsWith("Endpoint:              local node on "), resident.toString());
  }
}
