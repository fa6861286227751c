package io.bacalhau.core.spi.net;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts a job's URLs and endpoints may reach. Internal addresses ({@link InternalAddresses}:
 * loopback, link-local and cloud metadata, private, shared, multicast, unspecified) are refused
 * unless {@value #ALLOW_KEY} lists them, so a job cannot make the node fetch from, or upload to,
 * the node itself, its network or its cloud's metadata service. Loopback stays allowed on a node
 * that serves no API beyond loopback: there every job comes from someone on this machine, who can
 * reach loopback anyway.
 *
 * <p>Every fetcher checks the host right before it connects, and again for every redirect. The
 * check resolves names through {@link NameResolver#SYSTEM}, the JVM's cached resolver, and the
 * connection that follows resolves the same name from the same cache (kept {@code
 * networkaddress.cache.ttl}, 30 s by default), so a name that answers differently a moment later
 * (DNS rebinding) still reaches the address that was checked.
 */
public final class AddressPolicy {
  public static final String ALLOW_KEY = "Compute.AllowListedInternalAddresses";

  private static final AddressPolicy UNRESTRICTED =
      new AddressPolicy(
          true,
          List.of(AddressRange.of("0.0.0.0/0"), AddressRange.of("::/0")),
          List.of(),
          NameResolver.SYSTEM);

  private final boolean loopbackAllowed;
  private final List<AddressRange> allowedRanges;
  private final List<String> allowedHosts;
  private final NameResolver resolver;

  private AddressPolicy(
      boolean loopbackAllowed,
      List<AddressRange> allowedRanges,
      List<String> allowedHosts,
      NameResolver resolver) {
    this.loopbackAllowed = loopbackAllowed;
    this.allowedRanges = List.copyOf(allowedRanges);
    this.allowedHosts = List.copyOf(allowedHosts);
    this.resolver = resolver;
  }

  /** An embedded node's policy with nothing allow-listed: only loopback of the internal ones. */
  public static AddressPolicy embedded() {
    return new AddressPolicy(true, List.of(), List.of(), NameResolver.SYSTEM);
  }

  /**
   * No restriction, for a client fetching on its own user's behalf ({@code job get}): what it
   * fetches goes to that user, who can reach those addresses anyway.
   */
  public static AddressPolicy unrestricted() {
    return UNRESTRICTED;
  }

  /**
   * The policy a node's configuration asks for.
   *
   * @param servesApi whether this process serves the API to others; a node that does so on a host
   *     other than loopback ({@code API.Host}, e.g. the default 0.0.0.0) refuses loopback too
   */
  public static AddressPolicy from(BacalhauConfig config, boolean servesApi) {
    boolean exposed = servesApi && !isLoopbackHost(config.string("API.Host"));
    return of(!exposed, config.list(ALLOW_KEY), NameResolver.SYSTEM);
  }

  /**
   * A policy from its parts.
   *
   * @param allowList entries of {@value #ALLOW_KEY}: CIDR blocks, addresses or host names
   */
  public static AddressPolicy of(
      boolean loopbackAllowed, List<String> allowList, NameResolver resolver) {
    List<AddressRange> ranges = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String entry : allowList) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      Optional<AddressRange> range = AddressRange.parse(e);
      if (range.isPresent()) {
        ranges.add(range.get());
      } else if (e.matches(
          "(?i)[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*\\.?")) {
        hosts.add(normalHost(e));
      } else {
        throw BacalhauException.builder(
                ErrorCode.CONFIGURATION_ERROR,
                "config key "
                    + ALLOW_KEY
                    + ": '"
                    + e
                    + "' is not a CIDR block, address or host name")
            .component("Config")
            .hint("Give entries like 10.0.0.0/8, 192.168.1.20, fd00::/8 or minio.internal.")
            .build();
      }
    }
    return new AddressPolicy(loopbackAllowed, ranges, hosts, resolver);
  }

  /** The same policy with another resolver; tests use it to give names fixed answers. */
  public AddressPolicy withResolver(NameResolver other) {
    return new AddressPolicy(loopbackAllowed, allowedRanges, allowedHosts, other);
  }

  /**
   * Checks the host of {@code url} before anything is sent to it.
   *
   * @param component the component named in the error, e.g. {@code URLDownload}
   * @return the addresses the host resolved to, all of them allowed
   * @throws BacalhauException (Forbidden, failing the execution) naming the URL and the address
   * @throws UnknownHostException when the name does not resolve
   */
  public List<InetAddress> check(URI url, String component) throws UnknownHostException {
    String host = url.getHost();
    if (host == null) {
      throw new UnknownHostException("no host in " + url);
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<InetAddress> addresses = resolver.resolve(bare);
    if (allowedHosts.contains(normalHost(bare))) {
      return addresses;
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = InternalAddresses.kindOf(address);
      if (kind.isPresent() && !allowed(InternalAddresses.effective(address))) {
        throw refused(url, address, kind.get(), component);
      }
    }
    return addresses;
  }

  private boolean allowed(InetAddress address) {
    if (loopbackAllowed && InternalAddresses.LOOPBACK.stream().anyMatch(r -> r.contains(address))) {
      return true;
    }
    return allowedRanges.stream().anyMatch(r -> r.contains(address));
  }

  private BacalhauException refused(URI url, InetAddress address, String kind, String component) {
    String shown = address.getHostAddress();
    return BacalhauException.builder(
            ErrorCode.FORBIDDEN,
            "refused to connect to "
                + url.getHost()
                + (url.getHost().equals(shown) ? "" : " (" + shown + ")")
                + " for "
                + url
                + ": the address is "
                + kind
                + ", which jobs may not reach")
        .component(component)
        .hint(
            "If this node should reach it, allow-list it: bacalhau config set "
                + ALLOW_KEY
                + "="
                + shown
                + " (or its block, e.g. 10.0.0.0/8, or the host name)")
        .detail("Address", shown)
        .failsExecution(true)
        .retryable(false)
        .build();
  }

  /** Whether an API host setting keeps the API on this machine only. */
  static boolean isLoopbackHost(String host) {
    String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    Optional<AddressRange> literal = AddressRange.parse(h);
    if (literal.isEmpty()) {
      return false;
    }
    InetAddress address =
        InternalAddresses.effective(InetAddress.ofLiteral(h.replace("[", "").replace("]", "")));
    return InternalAddresses.LOOPBACK.stream().anyMatch(r -> r.contains(address));
  }

  private static String normalHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
