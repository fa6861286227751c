package io.bacalhau.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a plain socket, for {@code http://} nodes. The JDK's HttpClient costs a
 * thin client some 250 classes, a selector thread and an executor before its first byte (about a
 * sixth of a {@code job list}); a request and its answer over one short connection need none of
 * them. The connection is closed after each answer: on a node's loopback address a new one costs
 * less than a millisecond.
 */
final class PlainHttp {
  /** A connection that was never made: the node is not there (or not reachable). */
  static final class Unreachable extends IOException {
    private static final long serialVersionUID = 1L;

    Unreachable(IOException cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
      initCause(cause);
    }
  }

  /** The status and body of an answer. */
  record Answer(int status, byte[] body) {}

  private PlainHttp() {}

  /**
   * Sends one request and reads the whole answer.
   *
   * @throws Unreachable when no connection could be made within {@code connectTimeout}
   * @throws SocketTimeoutException when the node took longer than {@code timeout} to answer
   */
  static Answer send(
      URI uri,
      String method,
      Map<String, String> headers,
      byte[] body,
      Duration connectTimeout,
      Duration timeout)
      throws IOException {
    String host = uri.getHost();
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(bare, port), millis(connectTimeout));
      } catch (IOException e) {
        throw new Unreachable(e);
      }
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(millis(timeout));
      OutputStream out = socket.getOutputStream();
      out.write(head(uri, host, method, headers, body).getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(new BufferedInputStream(socket.getInputStream(), 8192), method);
    }
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static String head(
      URI uri, String host, String method, Map<String, String> headers, byte[] body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    StringBuilder b = new StringBuilder(256).append(method).append(' ').append(path);
    if (uri.getRawQuery() != null) {
      b.append('?').append(uri.getRawQuery());
    }
    b.append(" HTTP/1.1\r\nHost: ").append(host);
    if (uri.getPort() >= 0) {
      b.append(':').append(uri.getPort());
    }
    b.append("\r\nConnection: close\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    if (body != null || !method.equals("GET")) {
      b.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  private static Answer read(InputStream in, String method) throws IOException {
    while (true) {
      String status = line(in);
      if (!status.startsWith("HTTP/1.") || status.length() < 12) {
        throw new IOException("not an HTTP answer: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).strip();
        if (name.equals("content-length")) {
          length = Long.parseLong(value);
        } else if (name.equals("transfer-encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        }
      }
      if (code >= 100 && code < 200) {
        continue; // an interim answer; the real one follows
      }
      if (code == 204 || code == 304 || method.equals("HEAD")) {
        return new Answer(code, new byte[0]);
      }
      byte[] body = chunked ? chunks(in) : length >= 0 ? exactly(in, length) : in.readAllBytes();
      return new Answer(code, body);
    }
  }

  private static byte[] chunks(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers: none of them matter here
        }
        return body.toByteArray();
      }
      body.write(exactly(in, n));
      line(in); // the CRLF after a chunk
    }
  }

  private static byte[] exactly(InputStream in, long n) throws IOException {
    if (n > Integer.MAX_VALUE - 8) {
      throw new IOException("an answer of " + n + " bytes is too large");
    }
    byte[] bytes = in.readNBytes((int) n);
    if (bytes.length < n) {
      throw new EOFException("the answer ended after " + bytes.length + " of " + n + " bytes");
    }
    return bytes;
  }

  /** One header line, without its CRLF; ISO-8859-1, as HTTP/1.1 headers are. */
  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (b.isEmpty()) {
          throw new EOFException("the connection closed before the answer was complete");
        }
        return b.toString();
      }
      if (c == '\n') {
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
      }
      b.append((char) c);
    }
  }
}
