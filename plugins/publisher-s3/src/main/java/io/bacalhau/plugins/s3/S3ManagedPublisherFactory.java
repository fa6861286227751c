package io.bacalhau.plugins.s3;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/**
 * The {@code s3managed} publisher, known so that asking for it says why it cannot run instead of
 * "no such publisher". In Bacalhau a compute node asks its orchestrator for a pre-signed upload URL
 * into a bucket only the orchestrator is configured with, and {@code job get} asks the orchestrator
 * for a download URL; here orchestrator and compute are one embedded node, with no such exchange,
 * and the {@code s3} publisher does the same job with the bucket in the spec.
 */
public final class S3ManagedPublisherFactory implements PublisherFactory<S3ManagedConfig> {
  static final String WHY =
      "s3managed uploads through pre-signed URLs a Bacalhau orchestrator hands its compute nodes,"
          + " and this node has no such orchestrator; publish to S3 with -p s3://bucket/key"
          + " (Publisher Type s3), or use -p local or -p ipfs";

  @Override
  public String type() {
    return "s3managed";
  }

  @Override
  public Class<S3ManagedConfig> configType() {
    return S3ManagedConfig.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.S3Managed";
  }

  @Override
  public Installation isInstalled(S3ManagedConfig config) {
    return Installation.missing(WHY);
  }

  @Override
  public Publisher create(S3ManagedConfig config, ProviderContext context) {
    throw new IllegalStateException(WHY);
  }
}
