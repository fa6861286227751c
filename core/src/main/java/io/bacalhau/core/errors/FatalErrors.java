package io.bacalhau.core.errors;

/**
 * Which Throwables are contained where code we do not control (a plugin) fails, and which end the
 * process. A {@link StackOverflowError} is contained: the thread's stack has unwound by the time
 * anyone catches it, so nothing else is harmed. The other {@link VirtualMachineError}s ({@link
 * OutOfMemoryError}, {@link InternalError}, {@link UnknownError}) say the JVM itself can no longer
 * be trusted, for every thread alike: they are never contained.
 */
public final class FatalErrors {
  private FatalErrors() {}

  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /** Throws {@code t} again if it is fatal; returns otherwise, for the caller to contain it. */
  public static void rethrowIfFatal(Throwable t) {
    if (isFatal(t)) {
      throw (VirtualMachineError) t;
    }
  }
}
