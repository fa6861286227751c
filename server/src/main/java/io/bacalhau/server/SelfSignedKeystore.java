package io.bacalhau.server;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code API.TLS.SelfSigned}: a key pair and certificate for {@code localhost} and {@code
 * 127.0.0.1}, made fresh at each start by the JDK's own {@code keytool} (no crypto library of
 * ours), in a PKCS12 keystore only this user can read. Its password lives in memory only.
 *
 * @param file the keystore
 * @param password the keystore's and the key's password
 */
record SelfSignedKeystore(Path file, String password) {
  static final String ALIAS = "bacalhau-api";
  private static final String PASSWORD_VARIABLE = "BACALHAU_KEYSTORE_PASSWORD";

  /** Makes the keystore in {@code dir} (created, user-only), replacing an earlier one. */
  static SelfSignedKeystore create(Path dir) {
    Path file = dir.resolve("api-self-signed.p12");
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    try {
      userOnlyDirectory(dir);
      Files.deleteIfExists(file);
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      ProcessBuilder pb =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genkeypair",
                      "-alias",
                      ALIAS,
                      "-keyalg",
                      "EC",
                      "-groupname",
                      "secp256r1",
                      "-dname",
                      "CN=localhost",
                      "-ext",
                      "SAN=dns:localhost,ip:127.0.0.1",
                      "-validity",
                      "365",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      file.toString(),
                      // From the environment, not the command line other users can list.
                      "-storepass:env",
                      PASSWORD_VARIABLE,
                      "-keypass:env",
                      PASSWORD_VARIABLE,
                      "-noprompt"))
              .redirectErrorStream(true);
      Map<String, String> env = pb.environment();
      env.put(PASSWORD_VARIABLE, password);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (p.waitFor() != 0) {
        throw failure(file, "keytool failed: " + out);
      }
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return new SelfSignedKeystore(file, password);
    } catch (IOException e) {
      throw failure(file, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(file, "interrupted");
    }
  }

  private static void userOnlyDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static BacalhauException failure(Path file, String why) {
    return BacalhauException.builder(
            ErrorCode.CONFIGURATION_ERROR,
            "cannot make the self-signed certificate " + file + ": " + why)
        .component("APIServer")
        .hint("Set API.TLS.CertFile and API.TLS.KeyFile instead, or turn off API.TLS.SelfSigned.")
        .build();
  }
}
