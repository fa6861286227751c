package io.bacalhau.core.builtin;

import io.bacalhau.core.builtin.inline.InlineSourceFactory;
import io.bacalhau.core.builtin.localdir.LocalDirectoryFactory;
import io.bacalhau.core.builtin.localpublisher.LocalPublisherFactory;
import io.bacalhau.core.builtin.urldownload.UrlDownloadFactory;
import io.bacalhau.core.spi.ProviderFactory;
import java.util.List;

/** The providers core ships with, registered before any plugin. */
public final class BuiltinProviders {
  public static final String SOURCE = "core";

  private BuiltinProviders() {}

  public static List<ProviderFactory<?, ?>> factories() {
    return List.of(
        new NoopEngineFactory(),
        new NoopPublisherFactory(),
        new LocalPublisherFactory(),
        new InlineSourceFactory(),
        new UrlDownloadFactory(),
        UrlDownloadFactory.s3PreSigned(),
        new NoopSourceFactory(),
        LocalDirectoryFactory.local(),
        LocalDirectoryFactory.localDirectory());
  }
}
