package io.bacalhau.core.plugin;

import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.spi.ProviderFactory;
import java.lang.reflect.Constructor;

/**
 * Creates one factory named in a plugin's {@code META-INF/services}, the way ServiceLoader does.
 */
final class FactoryCreator {
  private FactoryCreator() {}

  static ProviderFactory<?, ?> create(ClassLoader loader, String className) throws Failure {
    Class<?> cls;
    try {
      cls = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Failure(
          "factory " + className + " listed in META-INF/services: " + Problems.describe(e));
    }
    if (!ProviderFactory.class.isAssignableFrom(cls)) {
      throw new Failure(
          className
              + " is listed in META-INF/services but is not an EngineFactory, PublisherFactory,"
              + " InputSourceFactory or AnalyticsFactory");
    }
    try {
      Constructor<?> constructor = cls.getConstructor();
      ProviderFactory<?, ?> factory = (ProviderFactory<?, ?>) constructor.newInstance();
      if (ProviderLoader.kindOf(factory).isEmpty()) {
        throw new Failure(
            className
                + " implements ProviderFactory but none of the engine, publisher,"
                + " input source or analytics factories");
      }
      return factory;
    } catch (NoSuchMethodException e) {
      throw new Failure(className + " has no public no-argument constructor");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new Failure("factory " + className + " failed: " + Problems.describe(e));
    }
  }

  /** Why a factory could not be created; the message names the class and the reason. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }
}
