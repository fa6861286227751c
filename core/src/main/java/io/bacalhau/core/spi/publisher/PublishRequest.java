package io.bacalhau.core.spi.publisher;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import java.nio.file.Path;

/**
 * The results of one execution: {@code stdout}, {@code stderr}, {@code exitCode} and one folder per
 * result path, all under {@code resultsDir}.
 */
public record PublishRequest(
    Job job, String executionId, String nodeId, SpecConfig publisherSpec, Path resultsDir) {}
