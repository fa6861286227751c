package io.bacalhau.core.plugin;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.errors.FatalErrors;
import io.bacalhau.core.spi.ProviderFactory;
import io.bacalhau.core.spi.analytics.AnalyticsFactory;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * The boundary every call into a plugin crosses: its factory's methods and those of every provider
 * the factory creates.
 *
 * <ul>
 *   <li>The call runs with the plugin's class loader as the thread's context class loader.
 *       Libraries plugins bundle (AWS SDK, OpenTelemetry, HTTP clients) find their own service
 *       implementations through it; on the host's threads it would be the host's, which cannot see
 *       them.
 *   <li>An {@link Error} the plugin throws (a runaway recursion's {@link StackOverflowError}, a
 *       class missing from its jar) comes out as a {@link BacalhauException}, which every caller
 *       already contains as it contains a plugin's exceptions: one warning, one failed provider or
 *       execution, never a dead command. Fatal VM errors ({@link FatalErrors}) pass through.
 * </ul>
 */
final class PluginCalls {
  private PluginCalls() {}

  /** The factory, and every provider it creates, called through this boundary. */
  static ProviderFactory<?, ?> wrap(ProviderFactory<?, ?> factory, ClassLoader plugin) {
    Class<?> spi =
        switch (factory) {
          case EngineFactory<?> f -> EngineFactory.class;
          case PublisherFactory<?> f -> PublisherFactory.class;
          case InputSourceFactory<?> f -> InputSourceFactory.class;
          case AnalyticsFactory<?> f -> AnalyticsFactory.class;
          default -> null;
        };
    if (spi == null) {
      return factory;
    }
    return (ProviderFactory<?, ?>) proxy(spi, factory, plugin);
  }

  private static Object proxy(Class<?> type, Object target, ClassLoader plugin) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          Object result = call(type, method, target, args, plugin);
          if (method.getName().equals("create") && providerType(result) != null) {
            return proxy(providerType(result), result, plugin);
          }
          return result;
        };
    return Proxy.newProxyInstance(
        PluginCalls.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Class<?> providerType(Object provider) {
    return switch (provider) {
      case Engine e -> Engine.class;
      case Publisher p -> Publisher.class;
      case InputSourceProvider i -> InputSourceProvider.class;
      case AnalyticsSink a -> AnalyticsSink.class;
      case null, default -> null;
    };
  }

  private static Object call(
      Class<?> type, Method method, Object target, Object[] args, ClassLoader plugin)
      throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(plugin);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw contained(e.getCause(), type.getSimpleName() + "." + method.getName() + "()");
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** An Error of the plugin's as an exception saying where it happened; anything else as it is. */
  private static Throwable contained(Throwable thrown, String where) {
    if (!(thrown instanceof Error error) || FatalErrors.isFatal(error)) {
      return thrown;
    }
    return BacalhauException.builder(
            ErrorCode.INTERNAL_ERROR, Problems.describe(error) + " in " + where)
        .component("Plugin")
        .cause(error)
        .build();
  }
}
