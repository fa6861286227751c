package io.bacalhau.plugins.s3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code InputSources.Types.S3}: nothing to configure; each input names its bucket and endpoint.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3InputSourceConfig() {}
