package io.bacalhau.cli.config;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.config.ConfigCatalog;
import io.bacalhau.core.config.ConfigFileEditor;
import io.bacalhau.core.config.ConfigKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bacalhau config set KEY=VALUE}: checks the value against the key's type and writes only
 * that key, keeping the rest of the file and its comments as they were.
 */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set one setting in the config file (<DataDir>/config.yaml, or the one -c file given).",
      "Examples: config set API.Port=4321   config set Labels=region=eu,tier=gold",
      "          config set Compute.AllowListedLocalPaths=/data:ro,/scratch:rw"
    })
public final class ConfigSetCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(
      arity = "1..*",
      paramLabel = "KEY=VALUE",
      description = "The key and its value (KEY VALUE also works, but is deprecated).")
  private List<String> args;

  ConfigSetCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String keyText;
    String valueText;
    int eq = args.get(0).indexOf('=');
    if (args.size() == 1 && eq > 0) {
      keyText = args.get(0).substring(0, eq);
      valueText = args.get(0).substring(eq + 1);
    } else if (args.size() >= 2 && eq < 0) {
      session.err().println("DEPRECATED: use key=value instead of space-separated key value");
      keyText = args.get(0);
      valueText = String.join(",", args.subList(1, args.size()));
    } else {
      throw new UsageException(
          "expected KEY=VALUE, got '" + String.join(" ", args) + "'",
          "For example: bacalhau config set API.Port=4321");
    }
    ConfigKey key = ConfigCatalog.get().require(keyText);
    Object value = key.type().fromText(key.path(), valueText);
    if (key.path().equals("DataDir") && !Path.of(String.valueOf(value)).isAbsolute()) {
      throw new UsageException("DataDir must be an absolute path, got '" + value + "'", null);
    }
    Path file = session.config().writeTarget();
    session.err().println("Writing config to " + file);
    ConfigFileEditor.set(file, key, value);
    return ExitCode.OK;
  }
}
