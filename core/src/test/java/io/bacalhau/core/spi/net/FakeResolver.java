package io.bacalhau.core.spi.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolver stand-in with fixed answers: names it was given resolve to their addresses, IP
 * literals to themselves, anything else is unknown; names match in any case, as in DNS. Nothing is
 * ever looked up on the network, and every name asked is recorded.
 */
public final class FakeResolver implements NameResolver {
  private final Map<String, List<InetAddress>> answers = new HashMap<>();
  private final java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Makes {@code name} resolve to the given literals. */
  public FakeResolver answer(String name, String... literals) {
    answers.put(name, java.util.Arrays.stream(literals).map(InetAddress::ofLiteral).toList());
    return this;
  }

  public List<String> asked() {
    return List.copyOf(asked);
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    asked.add(host);
    List<InetAddress> fixed = answers.get(host.toLowerCase(java.util.Locale.ROOT));
    if (fixed != null) {
      return fixed;
    }
    try {
      return List.of(InetAddress.ofLiteral(host));
    } catch (IllegalArgumentException e) {
      throw new UnknownHostException(host + " (no fixed answer in this test)");
    }
  }
}
