package io.bacalhau.plugins.s3;

/**
 * {@code Publishers.Types.S3Managed}: read by nothing here (see {@link S3ManagedPublisherFactory}),
 * bound only so the section's keys stay valid config.
 */
public record S3ManagedConfig() {}
