package io.bacalhau.cli.shell;

import io.bacalhau.cli.CliSession;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.completer.SystemCompleter;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * Tab completion: the command tree (commands, subcommands, options, enum values) from picocli, plus
 * what only a running system knows: job IDs and names from the store (read directly, no plugins
 * loaded) and file paths for job specs.
 */
final class ShellCompleter implements Completer {
  private static final Set<String> TAKES_JOB =
      Set.of("describe", "logs", "stop", "history", "executions", "versions", "rerun", "get");
  private static final Set<String> TAKES_FILE = Set.of("run", "validate");
  private static final List<String> BUILTINS = List.of("help", "clear", "exit");

  private final SystemCompleter tree;
  private final Completer files = new Completers.FileNameCompleter();
  private final CliSession session;

  ShellCompleter(CommandLine commands, CliSession session) {
    this.tree = new PicocliCommands(commands).compileCompleters();
    this.tree.compile();
    this.session = session;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    if (index == 0) {
      BUILTINS.forEach(b -> candidates.add(new Candidate(b)));
      tree.complete(reader, line, candidates);
      return;
    }
    boolean positional = !line.word().startsWith("-");
    if (index == 2 && positional && words.get(0).equals("job")) {
      if (TAKES_JOB.contains(words.get(1))) {
        jobs(candidates);
        return;
      }
      if (TAKES_FILE.contains(words.get(1))) {
        files.complete(reader, line, candidates);
        return;
      }
    }
    tree.complete(reader, line, candidates);
  }

  private void jobs(List<Candidate> candidates) {
    List<Job> jobs;
    try {
      jobs = session.node().list(new JobQuery("", "created_at", true, 200, 0));
    } catch (RuntimeException e) {
      return; // no store yet: nothing to offer
    }
    for (Job job : jobs) {
      String state = job.stateType().toString();
      candidates.add(
          new Candidate(
              Ids.shortId(job.id()),
              Ids.shortId(job.id()),
              "jobs",
              job.name() + " " + state,
              null,
              null,
              true));
      if (!job.name().isBlank() && !job.name().equals(job.id())) {
        candidates.add(new Candidate(job.name(), job.name(), "names", state, null, null, true));
      }
    }
  }
}
