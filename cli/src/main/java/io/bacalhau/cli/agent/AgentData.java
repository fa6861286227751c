package io.bacalhau.cli.agent;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;

/** The agent commands print their answer as YAML unless {@code --output json} asks otherwise. */
final class AgentData {
  private AgentData() {}

  static void print(CliSession session, DataOptions options, Object value) {
    DataOptions.DataFormat format =
        options.output() == null ? DataOptions.DataFormat.YAML : options.output();
    Serializer.print(session.out(), value, format, options.pretty());
  }
}
