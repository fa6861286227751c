package io.bacalhau.plugins.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import org.junit.jupiter.api.Test;

class IpfsEndpointTest {
  private static String url(String text) {
    return IpfsEndpoint.parse(text, "Publishers.Types.IPFS.Endpoint").baseUrl().toString();
  }

  @Test
  void multiaddrsAndUrlsBecomeTheApiBase() {
    assertEquals("http://127.0.0.1:5001", url("/ip4/127.0.0.1/tcp/5001"));
    assertEquals("https://ipfs.example:443", url("/dns4/ipfs.example/tcp/443/https"));
    assertEquals("http://[::1]:5001", url("/ip6/::1/tcp/5001"));
    assertEquals("http://127.0.0.1:5001", url("http://127.0.0.1:5001/"));
  }

  @Test
  void badEndpointsNameTheKeyAndShowAnExample() {
    for (String bad :
        new String[] {
          "", "/ip4/127.0.0.1/udp/5001", "/onion3/x/tcp/1", "/ip4/1.2.3.4/tcp/port", "localhost"
        }) {
      BacalhauException e = assertThrows(BacalhauException.class, () -> url(bad));
      assertEquals(ErrorCode.CONFIGURATION_ERROR, e.code());
      assertTrue(e.getMessage().startsWith("Publishers.Types.IPFS.Endpoint"), e.getMessage());
      assertTrue(e.hint().contains("/ip4/127.0.0.1/tcp/5001"));
    }
  }

  @Test
  void withoutAnEndpointTheProviderIsNotInstalledAndSaysWhy() {
    var installation = new IpfsPublisherFactory().isInstalled(new IpfsConfig(null));
    assertEquals(false, installation.installed());
    assertTrue(
        installation.reason().contains("Publishers.Types.IPFS.Endpoint"), installation.reason());
  }
}
