package io.bacalhau.cli.plugin;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.plugin.PluginInfo;
import io.bacalhau.core.plugin.ProvidedType;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bacalhau plugin info ID}: everything known of one plugin. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show one plugin: version, state, where it was loaded from, what it provides.")
public final class PluginInfoCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(paramLabel = "ID", description = "The plugin's id, as 'plugin list' shows it.")
  private String id;

  @Mixin private DataOptions data;

  PluginInfoCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.providers();
    PluginInfo plugin =
        session
            .plugins()
            .plugin(id)
            .orElseThrow(
                () ->
                    BacalhauException.builder(
                            ErrorCode.NOT_FOUND,
                            "no plugin '"
                                + id
                                + "'; known: "
                                + String.join(
                                    ", ",
                                    session.plugins().plugins().stream()
                                        .map(PluginInfo::id)
                                        .toList()))
                        .component("Plugins")
                        .hint("Run 'bacalhau plugin list' to see every plugin and its state.")
                        .build());
    if (data.output() != null) {
      Serializer.print(session.out(), plugin, data.output(), data.pretty());
      return ExitCode.OK;
    }
    PrintStream out = session.out();
    line(out, "ID", plugin.id());
    line(out, "Version", plugin.version());
    line(out, "State", plugin.status().label());
    if (!plugin.reason().isEmpty()) {
      line(out, "Reason", plugin.reason());
    }
    line(out, "Provider", plugin.provider());
    line(out, "Description", plugin.description());
    line(out, "Path", plugin.path().isEmpty() ? "(built into core)" : plugin.path());
    if (plugin.provides().isEmpty()) {
      line(out, "Provides", "nothing");
    }
    String label = "Provides";
    for (ProvidedType provided : plugin.provides()) {
      line(out, label, provided.label() + "  installed: " + PluginListCommand.installed(provided));
      label = "";
    }
    return ExitCode.OK;
  }

  private static void line(PrintStream out, String key, String value) {
    out.println(String.format("%-12s %s", key, value).stripTrailing());
  }
}
