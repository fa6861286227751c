package io.bacalhau.transport.nats.link;

/** What a side of the transport needs to hear about its connection to the broker. */
public interface LinkListener {

  /** The connection came back after a loss; messages sent meanwhile may be lost. */
  void reconnected();

  /** The connection was lost; the client keeps trying to reconnect. */
  default void disconnected() {}
}
