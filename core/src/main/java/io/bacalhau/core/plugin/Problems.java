package io.bacalhau.core.plugin;

import io.bacalhau.core.errors.BacalhauException;
import java.lang.reflect.InvocationTargetException;
import org.pf4j.InvalidPluginDescriptorException;

/** Turns what went wrong inside PF4J or a plugin into a reason a user can act on. */
final class Problems {
  private Problems() {}

  static String describe(Throwable e) {
    if (e == null) {
      return "unknown reason";
    }
    while ((e instanceof InvocationTargetException || e instanceof ExceptionInInitializerError)
        && e.getCause() != null) {
      e = e.getCause();
    }
    String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : e.getMessage();
    if (e instanceof BacalhauException && !message.isEmpty()) {
      return message; // already says what and where (see PluginCalls)
    }
    if (e instanceof InvalidPluginDescriptorException) {
      return "bad plugin descriptor: " + message;
    }
    if (e instanceof ClassNotFoundException || e instanceof NoClassDefFoundError) {
      return "missing class " + message.replace('/', '.');
    }
    if (e instanceof org.pf4j.PluginRuntimeException && !message.isEmpty()) {
      return e.getCause() == null || e.getCause() == e
          ? message
          : message + " (" + describe(e.getCause()) + ")";
    }
    return message.isEmpty()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
