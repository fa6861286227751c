package io.bacalhau.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Builds commands with the invocation's {@link CliSession} when their constructor asks for it, so
 * commands need no globals and the shell can reuse one session for many commands.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final CliSession session;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(CliSession session) {
    this.session = session;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    if (cls == GlobalOptions.class) {
      return cls.cast(session.globalOptions());
    }
    for (Constructor<?> constructor : cls.getDeclaredConstructors()) {
      Class<?>[] params = constructor.getParameterTypes();
      if (params.length == 1 && params[0] == CliSession.class) {
        constructor.setAccessible(true);
        return cls.cast(constructor.newInstance(session));
      }
    }
    return fallback.create(cls);
  }
}
