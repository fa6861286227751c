package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A small forward HTTP(S) proxy that lets a task reach only its allowed domains: CONNECT tunnels
 * for HTTPS, absolute-URI requests for plain HTTP. It runs in the node process, on the gateway of
 * the task's internal network, so no gateway image has to be pulled; anything else is refused with
 * 403 and reported, and so is an allowed domain that resolves to an internal address the node's
 * {@link AddressPolicy} refuses.
 */
public final class DomainProxy implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;

  private final ServerSocket server;
  private final DomainAllowList allowList;
  private final AddressPolicy policy;
  private final Consumer<String> onRefused;

  private DomainProxy(
      ServerSocket server,
      DomainAllowList allowList,
      AddressPolicy policy,
      Consumer<String> onRefused) {
    this.server = server;
    this.allowList = allowList;
    this.policy = policy;
    this.onRefused = onRefused;
  }

  /**
   * Starts listening on an ephemeral port of {@code bindAddress}.
   *
   * @param policy which addresses an allowed domain may resolve to: the proxy runs in the node, so
   *     without it {@code Domains: [localhost]} would reach the node's own services
   * @param onRefused told of each refused connection: the host and why
   */
  public static DomainProxy start(
      String bindAddress,
      DomainAllowList allowList,
      AddressPolicy policy,
      Consumer<String> onRefused)
      throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
    DomainProxy proxy = new DomainProxy(socket, allowList, policy, onRefused);
    Thread.ofVirtual().name("domain-proxy-accept").start(proxy::acceptLoop);
    return proxy;
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().name("domain-proxy-conn").start(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      if (requestLine.length != 3) {
        reply(client, "400 Bad Request");
        return;
      }
      boolean tunnel = requestLine[0].equalsIgnoreCase("CONNECT");
      URI target = URI.create(tunnel ? "https://" + requestLine[1] : requestLine[1]);
      if (target.getHost() == null) {
        reply(client, "400 Bad Request");
        return;
      }
      if (!allowList.allows(target.getHost())) {
        onRefused.accept(target.getHost() + " (not in Domains)");
        reply(client, "403 Forbidden");
        return;
      }
      InetAddress address;
      try {
        // Connect to the very address that was checked, so a name cannot change it in between.
        address = policy.check(target, "DockerNetworkProxy").getFirst();
      } catch (BacalhauException e) {
        onRefused.accept(target.getHost() + " (an internal address)");
        reply(client, "403 Forbidden");
        return;
      } catch (UnknownHostException e) {
        reply(client, "502 Bad Gateway");
        return;
      }
      int port = target.getPort() > 0 ? target.getPort() : tunnel ? 443 : 80;
      try (Socket upstream = new Socket(address, port)) {
        if (tunnel) {
          reply(client, "200 Connection Established");
        } else {
          upstream.getOutputStream().write(originForm(head, target));
        }
        Thread back = Thread.ofVirtual().start(() -> pipe(upstream, client));
        pipe(client, upstream);
        back.join();
      }
    } catch (IOException | RuntimeException e) {
      // a broken client or upstream ends only its own connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The request with its absolute URI made relative and hop-by-hop proxy headers dropped. */
  private static byte[] originForm(String head, URI target) {
    String[] lines = head.split("\r\n");
    String[] first = lines[0].split(" ");
    String path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    if (target.getRawQuery() != null) {
      path += "?" + target.getRawQuery();
    }
    StringBuilder out = new StringBuilder(first[0] + " " + path + " " + first[2] + "\r\n");
    for (int i = 1; i < lines.length; i++) {
      String lower = lines[i].toLowerCase(java.util.Locale.ROOT);
      if (!lower.startsWith("proxy-") && !lower.startsWith("connection:") && !lines[i].isEmpty()) {
        out.append(lines[i]).append("\r\n");
      }
    }
    out.append("Connection: close\r\n\r\n");
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0 || head.size() > MAX_HEAD) {
        throw new IOException("incomplete request head");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void reply(Socket client, String status) throws IOException {
    OutputStream out = client.getOutputStream();
    out.write(
        ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void pipe(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // the other side closed; the connection is over
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
