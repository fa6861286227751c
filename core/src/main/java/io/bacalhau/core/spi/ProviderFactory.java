package io.bacalhau.core.spi;

/**
 * What every extension provides: the spec {@code Type} it serves, the record its section of
 * config.yaml binds to, a probe that says whether it can run here, and the provider itself.
 *
 * @param <C> the typed configuration record
 * @param <P> the provider it creates
 */
public interface ProviderFactory<C, P> {

  /** The spec's Type string this factory serves, matched case-insensitively. */
  String type();

  /** The record bound from this provider's config section ({@link #configSection()}). */
  Class<C> configType();

  /** The config section this provider reads, e.g. {@code Engines.Types.Docker}. */
  String configSection();

  /** Whether the provider can run on this machine, and why not. Must be cheap and never throw. */
  Installation isInstalled(C config);

  /** Creates the provider; called at most once per node. */
  P create(C config, ProviderContext context);
}
