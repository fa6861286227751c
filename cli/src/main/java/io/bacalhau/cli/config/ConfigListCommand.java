package io.bacalhau.cli.config;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.OutputFormat;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigCatalog;
import io.bacalhau.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau config list}: every key with its effective value, sorted. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List every setting with its effective value and what it does.")
public final class ConfigListCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private TableOptions table;

  ConfigListCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    BacalhauConfig config = session.config();
    if (table.output() == OutputFormat.YAML) {
      Serializer.print(session.out(), config.asTree(), DataOptions.DataFormat.YAML, false);
      return ExitCode.OK;
    }
    Table rows = new Table(Column.of("KEY"), Column.of("VALUE", 80), Column.of("DESCRIPTION", 80));
    List<Map<String, String>> data = new ArrayList<>();
    for (ConfigKey key : ConfigCatalog.get().keys()) {
      String value = config.display(key);
      rows.row(key.path(), value, key.description());
      Map<String, String> row = new LinkedHashMap<>();
      row.put("Key", key.path());
      row.put("Value", value);
      row.put("Description", key.description());
      data.add(row);
    }
    TableOutput.print(session, table, rows, data);
    return ExitCode.OK;
  }
}
