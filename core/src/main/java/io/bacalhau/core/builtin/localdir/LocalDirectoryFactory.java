package io.bacalhau.core.builtin.localdir;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/**
 * The built-in {@code local} input source (and its deprecated alias {@code localDirectory}): host
 * paths under {@code Compute.AllowListedLocalPaths}.
 */
public final class LocalDirectoryFactory implements InputSourceFactory<AllowList> {
  private final String type;

  private LocalDirectoryFactory(String type) {
    this.type = type;
  }

  public static LocalDirectoryFactory local() {
    return new LocalDirectoryFactory("local");
  }

  public static LocalDirectoryFactory localDirectory() {
    return new LocalDirectoryFactory("localDirectory");
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Class<AllowList> configType() {
    return AllowList.class;
  }

  @Override
  public String configSection() {
    return "Compute";
  }

  @Override
  public Installation isInstalled(AllowList config) {
    return config.entries().isEmpty()
        ? Installation.missing(
            "Compute.AllowListedLocalPaths is empty; allow a folder with 'bacalhau config set"
                + " Compute.AllowListedLocalPaths=/data:ro'")
        : Installation.ok();
  }

  @Override
  public InputSourceProvider create(AllowList config, ProviderContext context) {
    return new LocalDirectorySource(config);
  }
}
