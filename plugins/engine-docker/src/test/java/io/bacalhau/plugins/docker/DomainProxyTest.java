package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.net.FakeResolver;
import io.bacalhau.core.spi.net.LoopbackTrap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The HTTP network's proxy, with a real client and a real loopback server; no daemon needed. */
class DomainProxyTest {

  @Test
  void allowListMatchesExactHostsAndDottedSubdomains() {
    DomainAllowList list = new DomainAllowList(List.of("Example.com", ".pypi.org", " "));
    assertTrue(list.allows("example.com"));
    assertTrue(list.allows("EXAMPLE.COM."));
    assertFalse(list.allows("www.example.com"));
    assertTrue(list.allows("pypi.org"));
    assertTrue(list.allows("files.pypi.org"));
    assertFalse(list.allows("evilpypi.org"));
    assertFalse(list.allows("example.com.evil.net"));
  }

  @Test
  void plainHttpToAnAllowedHostIsForwardedOthersGet403() throws Exception {
    List<String> refused = new CopyOnWriteArrayList<>();
    try (LoopbackServer server = LoopbackServer.start("through-the-proxy");
        DomainProxy proxy =
            DomainProxy.start(
                "127.0.0.1",
                new DomainAllowList(List.of("127.0.0.1")),
                AddressPolicy.embedded(),
                refused::add)) {
      HttpClient client =
          HttpClient.newBuilder()
              .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
              .build();
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x?y=1"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ok.statusCode());
      assertEquals("through-the-proxy", ok.body());

      HttpResponse<String> denied =
          client.send(
              HttpRequest.newBuilder(URI.create("http://blocked.example/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, denied.statusCode());
      assertEquals(List.of("blocked.example (not in Domains)"), refused);
    }
  }

  @Test
  void connectTunnelsOnlyToAllowedHosts() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("tunnelled");
        DomainProxy proxy =
            DomainProxy.start(
                "127.0.0.1",
                new DomainAllowList(List.of("127.0.0.1")),
                AddressPolicy.embedded(),
                h -> {})) {
      assertTrue(
          rawConnect(proxy.port(), "127.0.0.1:" + server.port(), true).endsWith("tunnelled"));
      assertTrue(rawConnect(proxy.port(), "blocked.example:443", false).startsWith("HTTP/1.1 403"));
    }
  }

  /**
   * The proxy runs in the node: an allowed domain that resolves to an internal address (here
   * localhost, which the resolver stand-in maps to the metadata service while the system would
   * reach a loopback trap) is refused before any connection, for plain HTTP and for CONNECT.
   */
  @Test
  void anAllowedDomainResolvingToAnInternalAddressIsRefusedBeforeConnecting() throws Exception {
    List<String> refused = new CopyOnWriteArrayList<>();
    AddressPolicy policy =
        AddressPolicy.of(
            true, List.of(), new FakeResolver().answer("localhost", "169.254.169.254"));
    try (LoopbackTrap trap = new LoopbackTrap();
        DomainProxy proxy =
            DomainProxy.start(
                "127.0.0.1", new DomainAllowList(List.of("localhost")), policy, refused::add)) {
      HttpClient client =
          HttpClient.newBuilder()
              .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
              .build();
      HttpResponse<String> denied =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + trap.port() + "/latest/meta-data/"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(403, denied.statusCode());
      assertTrue(
          rawConnect(proxy.port(), "localhost:" + trap.port(), false).startsWith("HTTP/1.1 403"));
      assertEquals(0, trap.connections(), "the refused address was connected to");
      assertEquals(
          List.of("localhost (an internal address)", "localhost (an internal address)"), refused);
    }
  }

  private static String rawConnect(int proxyPort, String target, boolean sendRequest)
      throws IOException {
    try (Socket s = new Socket("127.0.0.1", proxyPort)) {
      s.getOutputStream()
          .write(
              ("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      if (sendRequest) {
        s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      s.shutdownOutput();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
