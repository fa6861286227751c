package io.bacalhau.core.builtin.urldownload;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/** The built-in {@code urlDownload} input source: files fetched over http(s) before the run. */
public final class UrlDownloadFactory implements InputSourceFactory<DownloadSettings> {
  @Override
  public String type() {
    return "urlDownload";
  }

  @Override
  public Class<DownloadSettings> configType() {
    return DownloadSettings.class;
  }

  @Override
  public String configSection() {
    return "InputSources";
  }

  @Override
  public Installation isInstalled(DownloadSettings config) {
    return Installation.ok();
  }

  @Override
  public InputSourceProvider create(DownloadSettings config, ProviderContext context) {
    return new UrlDownloadSource(new HttpFetcher(config, context.addressPolicy()));
  }
}
