package io.bacalhau.core.plugin;

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
 * Runs every call into a plugin with the plugin's class loader as the thread's context class
 * loader. Libraries plugins bundle (AWS SDK, OpenTelemetry, HTTP clients) find their own service
 * implementations through the context class loader; on the host's threads it would be the host's,
 * which cannot see them.
 */
final class ContextClassLoaders {
  private ContextClassLoaders() {}

  /** The factory, and every provider it creates, calling into the plugin under its loader. */
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
          Object result = call(method, target, args, plugin);
          if (method.getName().equals("create") && providerType(result) != null) {
            return proxy(providerType(result), result, plugin);
          }
          return result;
        };
    return Proxy.newProxyInstance(
        ContextClassLoaders.class.getClassLoader(), new Class<?>[] {type}, handler);
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

  private static Object call(Method method, Object target, Object[] args, ClassLoader plugin)
      throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(plugin);
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
