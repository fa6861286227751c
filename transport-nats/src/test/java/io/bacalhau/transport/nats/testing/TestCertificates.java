package io.bacalhau.transport.nats.testing;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA and a server certificate it signed (for 127.0.0.1 and localhost), made with {@code openssl}
 * into a test's folder: what an operator would give nats-server and the compute nodes. Also a
 * second CA that signed nothing here, for a node that trusts the wrong one.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey, Path otherCaCert) {

  public static TestCertificates make(Path dir) throws IOException, InterruptedException {
    RealServices.require(
        Files.isExecutable(Path.of("/usr/bin/openssl")),
        "openssl (Debian: apt-get install openssl)");
    Files.createDirectories(dir);
    Path ca = dir.resolve("ca.pem");
    Path caKey = dir.resolve("ca-key.pem");
    Path other = dir.resolve("other-ca.pem");
    Path csr = dir.resolve("server.csr");
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server-key.pem");
    Path ext = dir.resolve("server.ext");
    Files.writeString(
        ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    selfSignedCa(ca, caKey, "test NATS CA");
    selfSignedCa(other, dir.resolve("other-ca-key.pem"), "some other CA");
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        key,
        "-out",
        csr,
        "-subj",
        "/CN=127.0.0.1");
    openssl(
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        ca,
        "-CAkey",
        caKey,
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        cert,
        "-extfile",
        ext);
    return new TestCertificates(ca, cert, key, other);
  }

  private static void selfSignedCa(Path cert, Path key, String name)
      throws IOException, InterruptedException {
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-keyout",
        key,
        "-out",
        cert,
        "-subj",
        "/CN=" + name);
  }

  private static void openssl(Object... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
    for (Object a : args) {
      command.add(a.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("openssl " + String.join(" ", command) + " failed:\n" + out);
    }
  }
}
