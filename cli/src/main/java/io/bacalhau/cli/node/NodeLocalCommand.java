package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.local.BuildId;
import io.bacalhau.cli.local.LocalNodeRecord;
import io.bacalhau.cli.local.ResidentNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bacalhau node local}: the node serving this data dir on this machine, if one runs: the
 * resident node commands start on demand, or a {@code bacalhau serve}. Starts nothing.
 */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description =
        "Show the node serving this data dir on this machine (started on demand or by serve).")
public final class NodeLocalCommand implements Callable<Integer> {
  private final CliSession session;

  NodeLocalCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Path dataDir = session.dataDir();
    PrintStream out = session.out();
    out.println(pad("Data dir:") + dataDir);
    if (session.inProcess()) {
      out.println(
          pad("Mode:")
              + "in-process (BACALHAU_IN_PROCESS or LocalNode.Mode): each command runs its own"
              + " node");
    }
    Optional<LocalNodeRecord> found = ResidentNode.running(dataDir);
    if (found.isEmpty()) {
      out.println(pad("Node:") + "none running");
      return ExitCode.OK;
    }
    LocalNodeRecord node = found.get();
    out.println(
        pad("Node:")
            + "running, pid "
            + node.pid()
            + (node.resident()
                ? ", started on demand (stops when idle for LocalNode.IdleTimeout)"
                : ", started by bacalhau serve"));
    out.println(pad("Address:") + node.address());
    out.println(
        pad("Build:")
            + node.build()
            + (node.build().equals(BuildId.current())
                ? " (this client's)"
                : " (not this client's: " + BuildId.current() + ")"));
    if (node.resident()) {
      out.println(pad("Log:") + dataDir.resolve("resident.log"));
    }
    return ExitCode.OK;
  }

  static String pad(String label) {
    return String.format("%-10s", label);
  }
}
