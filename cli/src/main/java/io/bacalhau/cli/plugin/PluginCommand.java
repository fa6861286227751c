package io.bacalhau.cli.plugin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau plugin}: the noun grouping the plugin verbs. */
@Command(
    name = "plugin",
    mixinStandardHelpOptions = true,
    description = "Show the plugins this node loads and what they provide.")
public final class PluginCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
