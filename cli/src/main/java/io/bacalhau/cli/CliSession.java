package io.bacalhau.cli;

import java.io.PrintStream;

/**
 * One invocation's state: the context, the global options, and whatever is opened lazily from them
 * (configuration, the node). Commands that need nothing of it stay cheap.
 */
public final class CliSession implements AutoCloseable {
  private final CliContext context;
  private final GlobalOptions globalOptions = new GlobalOptions();

  public CliSession(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  public GlobalOptions globalOptions() {
    return globalOptions;
  }

  public PrintStream out() {
    return context.out();
  }

  public PrintStream err() {
    return context.err();
  }

  @Override
  public void close() {}
}
