package io.bacalhau.server;

import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;
import java.time.Duration;

/**
 * Bacalhau's REST API ({@code /api/v1}) over a {@link NodeClient}, on Helidon SE, whose handlers
 * run on virtual threads. Routes only translate HTTP to the client API and back; auth, request IDs
 * and error bodies are filters and handlers around them.
 */
public final class ApiServer implements AutoCloseable {
  // Helidon reports each start at INFO through java.util.logging; serve prints its own line.
  private static final java.util.logging.Logger HELIDON_LOG =
      java.util.logging.Logger.getLogger("io.helidon");

  static {
    HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final WebServer server;
  private final ReadDeadlines deadlines;

  private ApiServer(WebServer server, ReadDeadlines deadlines) {
    this.server = server;
    this.deadlines = deadlines;
  }

  /** Starts listening; returns once the port is bound. */
  public static ApiServer start(ServerSettings settings, NodeClient node) {
    Authenticator auth = new Authenticator(settings.users(), new SessionTokens(Clock.systemUTC()));
    ReadDeadlines deadlines = new ReadDeadlines(settings.readTimeout());
    long maxBody = settings.maxBodyBytes();
    WebServerConfig.Builder builder =
        WebServer.builder()
            .host(settings.host())
            .port(settings.port())
            // Helidon's own hard stop, past ours: ours answers with Bacalhau's error body.
            .maxPayloadSize(maxBody * 2)
            // Helidon's server ignores a socket read timeout; ReadDeadlines times headers and
            // bodies, the idle timeout ends connections that send nothing (a followed log stream
            // is kept from it by WsKeepAlive's pings, which live clients answer).
            .idleConnectionTimeout(settings.idleTimeout())
            .idleConnectionPeriod(idleCheckEvery(settings.idleTimeout()))
            .shutdownGracePeriod(Duration.ofSeconds(5))
            .addProtocol(deadlines.http1())
            .routing(r -> routes(r, settings, node, auth))
            .addRouting(
                WsRouting.builder()
                    .endpoint(
                        LogsEndpoint.PATH,
                        () ->
                            new LogsEndpoint(
                                node, auth, new WsKeepAlive(settings.pingInterval()))));
    if (settings.tls()) {
      builder.tls(tls(settings));
    }
    try {
      return new ApiServer(builder.build().start(), deadlines);
    } catch (RuntimeException e) {
      deadlines.close();
      throw e;
    }
  }

  /**
   * How often Helidon looks for idle connections: by default every 2 minutes, which lets a
   * connection outlive a 5-minute timeout by 2; a fifth of the timeout, at most a minute.
   */
  private static Duration idleCheckEvery(Duration idle) {
    Duration fifth = idle.dividedBy(5);
    return fifth.compareTo(Duration.ofMinutes(1)) < 0 ? fifth : Duration.ofMinutes(1);
  }

  private static void routes(
      HttpRouting.Builder r, ServerSettings settings, NodeClient node, Authenticator auth) {
    long maxBody = settings.maxBodyBytes();
    r.addFilter(RequestIds::filter)
        .addFilter(
            (chain, req, res) -> {
              if (req.headers().contentLength().orElse(0) > maxBody) {
                throw ApiJson.tooLarge(maxBody);
              }
              auth.check(
                  req.prologue().method().text(),
                  req.path().path(),
                  req.headers().first(HeaderNames.AUTHORIZATION));
              chain.proceed();
            })
        .register(JobRoutes.PREFIX, new JobRoutes(node, maxBody))
        .register(NodeRoutes.PREFIX, new NodeRoutes(node, maxBody))
        .register(
            AgentRoutes.PREFIX, new AgentRoutes(node, settings.agentConfig(), settings.oauth2()))
        .register(AuthRoutes.PREFIX, new AuthRoutes(auth, maxBody))
        .get("/", (req, res) -> redirect(res, AgentRoutes.PREFIX + "/version"))
        .get("/version", (req, res) -> redirect(res, AgentRoutes.PREFIX + "/version"))
        .get("/livez", (req, res) -> redirect(res, AgentRoutes.PREFIX + "/alive"))
        .any(
            (req, res) -> {
              throw ErrorMapping.notFound(req.prologue().method().text(), req.path().path());
            })
        .error(Throwable.class, ErrorMapping::handle);
  }

  private static void redirect(io.helidon.webserver.http.ServerResponse res, String to) {
    res.status(Status.FOUND_302).header(HeaderNames.LOCATION, to).send();
  }

  private static Tls tls(ServerSettings settings) {
    if (settings.certFile() == null) {
      SelfSignedKeystore store = SelfSignedKeystore.create(settings.selfSignedDir());
      Keys keys =
          Keys.builder()
              .keystore(
                  k ->
                      k.keystore(Resource.create(store.file()))
                          .passphrase(store.password())
                          .keyAlias(SelfSignedKeystore.ALIAS)
                          .keyPassphrase(store.password()))
              .build();
      return Tls.builder().privateKey(keys).privateKeyCertChain(keys).build();
    }
    try {
      Keys keys =
          Keys.builder()
              .pem(
                  pem ->
                      pem.key(Resource.create(settings.keyFile()))
                          .certChain(Resource.create(settings.certFile())))
              .build();
      return Tls.builder().privateKey(keys).privateKeyCertChain(keys).build();
    } catch (RuntimeException e) {
      // The message names the files, never their contents.
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR,
              "cannot use the TLS certificate "
                  + settings.certFile()
                  + " with key "
                  + settings.keyFile()
                  + ": "
                  + e.getMessage())
          .component("APIServer")
          .hint("API.TLS.CertFile and API.TLS.KeyFile must be PEM files of one key pair.")
          .build();
    }
  }

  /** The port listened on (the one chosen when asked for port 0). */
  public int port() {
    return server.port();
  }

  public boolean tls() {
    return server.hasTls();
  }

  /** Stops accepting, lets running requests finish within a short grace period. */
  @Override
  public void close() {
    server.stop();
    deadlines.close();
  }
}
