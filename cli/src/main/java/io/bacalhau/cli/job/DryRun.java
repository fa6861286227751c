package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Job;
import java.io.PrintStream;

/**
 * What {@code --dry-run} prints instead of submitting. {@code job run} of a named job that exists
 * shows how the spec differs from the stored version (Bacalhau's {@code PUT /jobs/diff});
 * otherwise, and for {@code docker run} and {@code wasm run}, the job itself.
 */
final class DryRun {
  private final CliSession session;

  DryRun(CliSession session) {
    this.session = session;
  }

  void print(Job spec, DataOptions.DataFormat format, boolean diffWithStored) {
    if (diffWithStored && !spec.name().isBlank()) {
      try {
        JobDiff diff = session.node().diff(spec);
        diff.warnings().forEach(w -> session.err().println("Warning: " + w));
        if (diff.diff().isBlank()) {
          session.err().println("Warning: No diff detected.");
        } else {
          printDiff(diff.diff());
        }
        return;
      } catch (BacalhauException e) {
        if (e.code() != ErrorCode.NOT_FOUND) {
          // As Bacalhau does: the node could not say, so show what would be submitted.
          session.err().println("Error: " + e.getMessage());
          session.err().println("Warning: falling back to offline mode...");
        }
      }
    }
    Serializer.print(
        session.out(), spec, format == null ? DataOptions.DataFormat.YAML : format, true);
  }

  private void printDiff(String diff) {
    PrintStream out = session.out();
    out.print(diff.endsWith("\n") ? diff : diff + "\n");
  }
}
