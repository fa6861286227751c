package io.bacalhau.core.spi.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address policy on its own: every answer comes from a resolver stand-in or an IP literal, so
 * nothing here is looked up or contacted on the network.
 */
class AddressPolicyTest {
  @TempDir Path home;

  private final FakeResolver resolver = new FakeResolver();

  private AddressPolicy exposed(String... allowList) {
    return AddressPolicy.of(false, List.of(allowList), resolver);
  }

  private AddressPolicy embedded(String... allowList) {
    return AddressPolicy.of(true, List.of(allowList), resolver);
  }

  private static BacalhauException refused(AddressPolicy policy, String url) {
    return assertThrows(BacalhauException.class, () -> policy.check(URI.create(url), "Test"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "0.0.0.0",
        "::",
        "169.254.169.254",
        "fd00:ec2::254",
        "fe80::1",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "fc00::1",
        "fec0::1",
        "100.64.0.1",
        "100.100.100.200",
        "224.0.0.1",
        "ff02::1",
        "255.255.255.255",
        "192.0.0.192",
        "198.18.0.1",
        "::ffff:169.254.169.254",
        "::ffff:127.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:a9fe:a9fe::1",
        "::a9fe:a9fe",
        "64:ff9b:1::1"
      })
  void internalAddressesAreRecognised(String literal) {
    assertTrue(InternalAddresses.kindOf(InetAddress.ofLiteral(literal)).isPresent(), literal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "169.255.0.1",
        "192.0.2.1",
        "2606:4700::1111",
        "2a00:1450::1",
        "::ffff:1.1.1.1",
        "64:ff9b::101:101"
      })
  void publicAddressesAreNot(String literal) {
    assertEquals(Optional.empty(), InternalAddresses.kindOf(InetAddress.ofLiteral(literal)));
  }

  @Test
  void ipv4MappedFormsAreJudgedByTheAddressTheyCarry() throws Exception {
    // The JDK turns mapped literals into IPv4 addresses; a resolver may still hand out the IPv6
    // form.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}, 0, mapped, 12, 4);
    InetAddress metadata = Inet6Address.getByAddress(null, mapped, -1);
    assertTrue(metadata instanceof Inet6Address);
    assertEquals(
        Optional.of("link-local (cloud metadata services live here)"),
        InternalAddresses.kindOf(metadata));
    URI url = URI.create("http://md.example/");
    refused(embedded().withResolver(host -> List.of(metadata)), url.toString());
    assertEquals(
        List.of(metadata),
        embedded("169.254.0.0/16").withResolver(host -> List.of(metadata)).check(url, "Test"));
  }

  @Test
  void aNodeServingBeyondLoopbackRefusesLoopback() {
    BacalhauException e = refused(exposed(), "http://127.0.0.1:8080/secret");
    assertEquals(ErrorCode.FORBIDDEN, e.code());
    assertTrue(e.failsExecution());
    assertFalse(e.retryable());
    assertTrue(
        e.getMessage().contains("127.0.0.1 for http://127.0.0.1:8080/secret"), e.getMessage());
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    assertTrue(e.hint().contains("Compute.AllowListedInternalAddresses=127.0.0.1"), e.hint());
    refused(exposed(), "http://[::1]:8080/");
    resolver.answer("localhost", "127.0.0.1", "::1");
    refused(exposed(), "http://localhost:8080/");
  }

  @Test
  void anEmbeddedNodeAllowsLoopbackButNotTheRestOfTheInside() throws Exception {
    resolver.answer("localhost", "127.0.0.1", "::1");
    assertEquals(2, embedded().check(URI.create("http://localhost:1/"), "Test").size());
    embedded().check(URI.create("http://[::1]:1/"), "Test");
    refused(embedded(), "http://169.254.169.254/latest/meta-data/");
    refused(embedded(), "http://[fd00:ec2::254]/latest/meta-data/");
    refused(embedded(), "http://10.0.0.5/");
    refused(embedded(), "http://0.0.0.0:8080/");
  }

  @Test
  void namesAreJudgedByWhatTheyResolveTo() throws Exception {
    resolver.answer("metadata.example", "169.254.169.254");
    resolver.answer("public.example", "93.184.216.34");
    // one internal answer among public ones is enough to refuse: the client may pick any of them
    resolver.answer("mixed.example", "93.184.216.34", "10.0.0.1");
    BacalhauException e = refused(embedded(), "http://metadata.example/latest");
    assertTrue(e.getMessage().contains("metadata.example (169.254.169.254)"), e.getMessage());
    refused(embedded(), "https://mixed.example/");
    embedded().check(URI.create("https://public.example/x"), "Test");
    assertEquals(List.of("metadata.example", "mixed.example", "public.example"), resolver.asked());
  }

  @Test
  void theAllowListTakesBlocksAddressesAndNames() throws Exception {
    resolver.answer("minio.internal", "10.9.8.7");
    resolver.answer("other.internal", "10.9.8.8");
    AddressPolicy policy = exposed("10.9.8.0/24", "192.168.1.20", "minio.internal.", "fd00::/8");
    policy.check(URI.create("http://10.9.8.200/"), "Test");
    policy.check(URI.create("http://[::ffff:10.9.8.1]/"), "Test");
    policy.check(URI.create("http://192.168.1.20:9000/"), "Test");
    policy.check(URI.create("http://[fd00:ec2::254]/"), "Test");
    policy.check(URI.create("http://MINIO.internal:9000/"), "Test");
    refused(policy, "http://192.168.1.21/");
    refused(policy, "http://127.0.0.1/");
    refused(exposed("minio.internal"), "http://other.internal/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "http://10.0.0.1/", "a b", "1.2.3.4/-1"})
  void aBadAllowListEntryIsAConfigurationErrorNamingTheKey(String entry) {
    BacalhauException e = assertThrows(BacalhauException.class, () -> exposed(entry));
    assertEquals(ErrorCode.CONFIGURATION_ERROR, e.code());
    assertTrue(
        e.getMessage().contains("Compute.AllowListedInternalAddresses: '" + entry + "'"),
        e.getMessage());
  }

  @Test
  void aNodeIsExposedWhenItServesTheApiOnAnythingButLoopback() {
    assertFalse(AddressPolicy.isLoopbackHost("0.0.0.0"), "0.0.0.0 listens everywhere");
    assertFalse(AddressPolicy.isLoopbackHost("10.0.0.1"));
    assertFalse(AddressPolicy.isLoopbackHost("node.example"));
    assertTrue(AddressPolicy.isLoopbackHost("127.0.0.1"));
    assertTrue(AddressPolicy.isLoopbackHost("::1"));
    assertTrue(AddressPolicy.isLoopbackHost("[::1]"));
    assertTrue(AddressPolicy.isLoopbackHost("localhost"));

    URI loopback = URI.create("http://127.0.0.1:1/");
    assertThrows(
        BacalhauException.class,
        () -> AddressPolicy.from(config("API.Host=0.0.0.0"), true).check(loopback, "T"));
    // The default API.Host is loopback: such a server is reached from this machine only.
    assertDoesNotRefuse(AddressPolicy.from(config(), true), loopback);
    assertThrows(
        BacalhauException.class,
        () -> AddressPolicy.from(config("API.Host=192.168.1.2"), true).check(loopback, "T"));
    assertDoesNotRefuse(AddressPolicy.from(config("API.Host=127.0.0.1"), true), loopback);
    assertDoesNotRefuse(AddressPolicy.from(config(), false), loopback);
    assertDoesNotRefuse(
        AddressPolicy.from(config("Compute.AllowListedInternalAddresses=127.0.0.0/8"), true),
        loopback);
  }

  private static void assertDoesNotRefuse(AddressPolicy policy, URI url) {
    try {
      policy.check(url, "Test");
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private BacalhauConfig config(String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }
}
