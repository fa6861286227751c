package io.bacalhau.cli.job;

import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.models.Job;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job a command is about: {@code ID|NAME}, and the {@code --namespace} a name is looked up in.
 */
public final class JobArgument {
  @Parameters(
      index = "0",
      paramLabel = "ID|NAME",
      description = "Job ID, unique ID prefix, or name.")
  String id;

  @Option(
      names = "--namespace",
      defaultValue = "default",
      description = "Namespace of the job (default ${DEFAULT-VALUE}).")
  String namespace = "default";

  /** The latest version of the job; an unknown or ambiguous reference is a clear error. */
  Job find(NodeClient node) {
    return node.job(id, namespace);
  }
}
