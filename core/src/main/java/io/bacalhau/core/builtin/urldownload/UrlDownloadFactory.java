package io.bacalhau.core.builtin.urldownload;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/**
 * The built-in {@code urlDownload} input source, files fetched over http(s) before the run, and
 * {@code s3PreSigned}, the same for an S3 object's pre-signed URL.
 */
public final class UrlDownloadFactory implements InputSourceFactory<DownloadSettings> {
  private final String type;
  private final String param;

  /** {@code urlDownload}, param {@code URL}. */
  public UrlDownloadFactory() {
    this("urlDownload", "URL");
  }

  private UrlDownloadFactory(String type, String param) {
    this.type = type;
    this.param = param;
  }

  /** {@code s3PreSigned}, param {@code PreSignedURL}, as Bacalhau's orchestrator writes it. */
  public static UrlDownloadFactory s3PreSigned() {
    return new UrlDownloadFactory("s3PreSigned", "PreSignedURL");
  }

  @Override
  public String type() {
    return type;
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
    return new UrlDownloadSource(new HttpFetcher(config, context.addressPolicy()), param);
  }
}
