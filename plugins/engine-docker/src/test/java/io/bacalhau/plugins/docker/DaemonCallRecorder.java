package io.bacalhau.plugins.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback TCP front for the daemon's unix socket that passes every byte through and writes down
 * each request line ({@code POST /containers/create}, version prefix and query dropped, path
 * decoded) and each connection, so a test can see which calls a run makes of the real daemon.
 */
final class DaemonCallRecorder implements AutoCloseable {
  private static final Pattern REQUEST =
      Pattern.compile("(GET|POST|PUT|DELETE|HEAD) (/\\S*) HTTP/1\\.[01]");

  private final ServerSocket server;
  private final Path socket;
  private final List<String> calls = new ArrayList<>();
  private final List<String> queries = new ArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String slowCall = "";
  private volatile long slowMillis;

  private DaemonCallRecorder(ServerSocket server, Path socket) {
    this.server = server;
    this.socket = socket;
  }

  static DaemonCallRecorder start(Path daemonSocket) throws IOException {
    DaemonCallRecorder r =
        new DaemonCallRecorder(
            new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), daemonSocket);
    Thread.ofVirtual().start(r::accept);
    return r;
  }

  String host() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** The calls so far, and forgets them. */
  synchronized List<String> takeCalls() {
    List<String> taken = List.copyOf(calls);
    calls.clear();
    queries.clear();
    return taken;
  }

  /** The query strings ("" for none) of the calls so far that start with this text. */
  synchronized List<String> queriesOf(String prefix) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        found.add(queries.get(i));
      }
    }
    return found;
  }

  /** From now on the daemon's answer to this call reaches the client only after a delay. */
  void slowDown(String call, java.time.Duration delay) {
    slowMillis = delay.toMillis();
    slowCall = call;
  }

  /** Waits until the client has sent a call starting with this text. */
  void awaitCall(String prefix) throws InterruptedException {
    synchronized (this) {
      while (calls.stream().noneMatch(c -> c.startsWith(prefix))) {
        wait();
      }
    }
  }

  /** Connections opened so far, and starts counting again. */
  int takeConnections() {
    return connections.getAndSet(0);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.incrementAndGet();
        SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        InputStream fromClient = client.getInputStream();
        OutputStream toClient = client.getOutputStream();
        java.util.concurrent.atomic.AtomicBoolean slow =
            new java.util.concurrent.atomic.AtomicBoolean();
        Thread.ofVirtual()
            .start(() -> pipe(client, Channels.newInputStream(daemon), toClient, slow));
        Thread.ofVirtual()
            .start(
                () ->
                    recordAndPipe(
                        client, daemon, Channels.newOutputStream(daemon), fromClient, slow));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Daemon to client; an answer to the slowed-down call waits first. */
  private void pipe(
      Socket client,
      InputStream from,
      OutputStream to,
      java.util.concurrent.atomic.AtomicBoolean slow) {
    byte[] buf = new byte[8192];
    try (client) {
      int n;
      while ((n = from.read(buf)) > 0) {
        if (slow.getAndSet(false)) {
          Thread.sleep(slowMillis);
        }
        to.write(buf, 0, n);
        to.flush();
      }
    } catch (IOException | InterruptedException e) {
      // either side hung up
    }
  }

  /** Client to daemon: request lines are found in the bytes as they pass. */
  private void recordAndPipe(
      Socket client,
      SocketChannel daemon,
      OutputStream to,
      InputStream in,
      java.util.concurrent.atomic.AtomicBoolean slow) {
    StringBuilder line = new StringBuilder();
    byte[] buf = new byte[8192];
    try (daemon) {
      int n;
      while ((n = in.read(buf)) > 0) {
        line.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        int end;
        while ((end = line.indexOf("\n")) >= 0) {
          String call = record(line.substring(0, end));
          if (call != null && !slowCall.isEmpty() && call.startsWith(slowCall)) {
            slow.set(true);
          }
          line.delete(0, end + 1);
        }
        to.write(buf, 0, n); // after the parse, so a slowed-down call is known before its answer
        to.flush();
        if (line.length() > 65536) {
          line.delete(0, line.length() - 1024);
        }
      }
    } catch (IOException e) {
      // either side hung up
    } finally {
      try {
        client.shutdownInput();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  /** The call a line starts, or null. */
  private synchronized String record(String text) {
    Matcher m = REQUEST.matcher(text);
    if (!m.find()) {
      return null;
    }
    String path = m.group(2).replaceFirst("^/v[0-9.]+/", "/").replaceFirst("\\?.*", "");
    String call = m.group(1) + " " + java.net.URLDecoder.decode(path, StandardCharsets.UTF_8);
    calls.add(call);
    int q = m.group(2).indexOf('?');
    queries.add(q < 0 ? "" : m.group(2).substring(q + 1));
    notifyAll();
    return call;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
