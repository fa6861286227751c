package io.bacalhau.cli.serve;

import io.bacalhau.core.builtin.localpublisher.LocalPublisherConfig;
import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.server.BindAddress;
import io.bacalhau.server.ComputeLogs;
import io.bacalhau.server.ResultFileServer;
import java.io.PrintStream;
import java.util.Optional;

/**
 * The local publisher's archives served while the node serves, so the {@code urlDownload} URLs it
 * publishes ({@code http://<Address>:<Port>/<execID>.tar.gz}) answer for clients on other machines,
 * Bacalhau's own included.
 */
final class LocalResultsServing {
  private LocalResultsServing() {}

  /**
   * Serves the archives on {@code Publishers.Types.Local.Port}, unless the local publisher is
   * disabled. A port that cannot be bound is a warning, not a failure: the node still runs jobs,
   * and {@code job get} on this machine reads the archives from disk.
   */
  static Optional<ResultFileServer> start(
      BacalhauConfig config, ComputeLogs logs, PrintStream err) {
    if (config.list("Publishers.Disabled").stream().anyMatch(t -> t.equalsIgnoreCase("local"))) {
      return Optional.empty();
    }
    LocalPublisherConfig local = config.bind("Publishers.Types.Local", LocalPublisherConfig.class);
    String host = BindAddress.forPublished(local.address());
    if (!BindAddress.isThisMachines(local.address())) {
      err.println(
          "Warning: Publishers.Types.Local.Address "
              + local.address()
              + " is not an address of this machine; local publisher results are served on "
              + host
              + " only.");
    }
    try {
      ResultFileServer server =
          ResultFileServer.start(
              host, local.port(), new LocalResults(config.dataDir(), local).folder(), logs);
      err.println("Local publisher results served on http://" + host + ":" + server.port());
      return Optional.of(server);
    } catch (RuntimeException e) {
      err.println(
          "Warning: cannot serve local publisher results on "
              + host
              + ":"
              + local.port()
              + " ("
              + e.getMessage()
              + "): job get from another machine cannot download them."
              + " Set Publishers.Types.Local.Port to a free port.");
      return Optional.empty();
    }
  }

  /**
   * The URL the results listener is reached at from other machines ({@code
   * Publishers.Types.Local.Address}, as in the download URLs it publishes); blank when not served.
   */
  static String url(BacalhauConfig config, ResultFileServer server) {
    if (server == null) {
      return "";
    }
    String host = config.bind("Publishers.Types.Local", LocalPublisherConfig.class).address();
    boolean ipv6 = host.contains(":") && !host.startsWith("[");
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + server.port();
  }
}
