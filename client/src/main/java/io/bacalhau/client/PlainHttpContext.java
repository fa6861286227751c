package io.bacalhau.client;

import java.io.Serial;
import java.security.Provider;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that talks plain {@code http://} only. The JDK's HttpClient wants a
 * context even then, and asking the JDK for one ({@code SSLContext.getInstance}) starts its
 * security providers: some 300 classes and 60-200 ms of a thin client's start, for nothing. This
 * one is made without them, and refuses to be used: should a request ever go to {@code https://}
 * through it, it fails instead of talking TLS with no trust set up.
 */
final class PlainHttpContext extends SSLContext {
  PlainHttpContext() {
    super(new Refusing(), new NoProvider(), "none");
  }

  /** Names this context's (absent) TLS in error messages; registered nowhere. */
  private static final class NoProvider extends Provider {
    @Serial private static final long serialVersionUID = 1L;

    NoProvider() {
      super("bacalhau-plain-http", "1", "no TLS: the client talks plain http only");
    }
  }

  private static final class Refusing extends SSLContextSpi {
    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("this client was set up for plain http only");
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
      throw refused();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      throw refused();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      throw refused();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      throw refused();
    }
  }
}
