package io.bacalhau.core.plugin;

import io.bacalhau.core.errors.FatalErrors;
import org.pf4j.Plugin;
import org.pf4j.PluginRuntimeException;

/**
 * A plugin's {@code Plugin-Class}, with an Error from its {@code start}, {@code stop} or {@code
 * delete} turned into the exception PF4J contains (it catches exceptions and linkage errors only):
 * a start that overflows the stack fails that plugin, not the command.
 */
final class ContainedPlugin extends Plugin {
  private final Plugin plugin;

  ContainedPlugin(Plugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public void start() {
    contain(plugin::start, "start");
  }

  @Override
  public void stop() {
    contain(plugin::stop, "stop");
  }

  @Override
  public void delete() {
    contain(plugin::delete, "delete");
  }

  private void contain(Runnable call, String method) {
    try {
      call.run();
    } catch (Error e) {
      FatalErrors.rethrowIfFatal(e);
      throw new PluginRuntimeException(e, "{}.{}() failed", plugin.getClass().getName(), method);
    }
  }
}
