package io.bacalhau.cli.profile;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.OutputFormat;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau profile list}: the profiles, the selected one marked. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the profiles.")
public final class ProfileListCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private TableOptions table;

  ProfileListCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ProfileStore store = new ProfileStore(session.dataDir());
    List<String> names = store.names();
    if (names.isEmpty()) {
      session.out().println("No profiles found");
      return ExitCode.OK;
    }
    String current = store.current().orElse("");
    Table t =
        new Table(
            Column.of("Current"), Column.of("Name"), Column.of("Endpoint"), Column.of("Auth"));
    for (String name : names) {
      Profile p = store.require(name);
      t.row(
          name.equals(current) ? "*" : "", name, p.endpoint(), p.token().isEmpty() ? "" : "token");
    }
    switch (table.output()) {
      case CSV -> t.printCsv(session.out(), table.hideHeader());
      case JSON, YAML -> {
        // Tokens are secrets: listed as whether there is one, as the table does.
        Map<String, Profile> all = new LinkedHashMap<>();
        names.forEach(n -> all.put(n, store.require(n).withoutToken()));
        DataOptions.DataFormat format =
            table.output() == OutputFormat.JSON
                ? DataOptions.DataFormat.JSON
                : DataOptions.DataFormat.YAML;
        Serializer.print(session.out(), all, format, table.pretty());
      }
      case TABLE -> t.print(session.out(), table.hideHeader(), table.noStyle(), table.wide());
    }
    return ExitCode.OK;
  }
}
