package io.bacalhau.cli.local;

import io.bacalhau.core.client.NodeClient;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the API last did something for a client, and how many calls are under way (a followed log or
 * a wait counts until it returns): what tells a resident node that it is idle. It wraps the node
 * client the API serves, so the API server needs to know nothing of it.
 */
public final class ActivityTracker {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

  /** The client, counting each call as activity. */
  public NodeClient track(NodeClient node) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(node, args);
          }
          inFlight.incrementAndGet();
          lastActivity.set(System.nanoTime());
          try {
            return method.invoke(node, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            lastActivity.set(System.nanoTime());
            inFlight.decrementAndGet();
          }
        };
    return (NodeClient)
        Proxy.newProxyInstance(
            NodeClient.class.getClassLoader(), new Class<?>[] {NodeClient.class}, handler);
  }

  /** Nanoseconds since the last call began or ended, or 0 while one is under way. */
  long quietNanos() {
    if (inFlight.get() > 0) {
      return 0;
    }
    return System.nanoTime() - lastActivity.get();
  }
}
