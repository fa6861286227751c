package io.bacalhau.cli.plugin;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.core.plugin.PluginInfo;
import io.bacalhau.core.plugin.ProvidedType;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bacalhau plugin list}: one row per provider a plugin brings, so each shows whether it can
 * run here and why not; a plugin that provides nothing (disabled, failed) gets one row.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the built-in providers and the plugins found in the plugins folders.")
public final class PluginListCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private TableOptions table;

  PluginListCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.providers();
    List<PluginInfo> plugins = session.plugins().plugins();
    Table t =
        new Table(
            Column.of("ID"),
            Column.of("Version"),
            Column.of("State"),
            Column.of("Provides"),
            Column.of("Installed", 60));
    for (PluginInfo plugin : plugins) {
      if (plugin.provides().isEmpty()) {
        t.row(
            plugin.id(),
            plugin.version(),
            plugin.status().label(),
            "",
            "no: " + (plugin.reason().isEmpty() ? "it provides nothing" : plugin.reason()));
      }
      for (ProvidedType provided : plugin.provides()) {
        t.row(
            plugin.id(),
            plugin.version(),
            plugin.status().label(),
            provided.label(),
            installed(provided));
      }
    }
    switch (table.output()) {
      case JSON ->
          Serializer.print(session.out(), plugins, DataOptions.DataFormat.JSON, table.pretty());
      case YAML -> Serializer.print(session.out(), plugins, DataOptions.DataFormat.YAML, false);
      case CSV -> t.printCsv(session.out(), table.hideHeader());
      case TABLE -> t.print(session.out(), table.hideHeader(), table.noStyle(), table.wide());
    }
    return ExitCode.OK;
  }

  static String installed(ProvidedType provided) {
    return provided.installed() ? "yes" : "no: " + provided.reason();
  }
}
