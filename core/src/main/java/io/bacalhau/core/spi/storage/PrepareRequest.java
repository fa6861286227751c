package io.bacalhau.core.spi.storage;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import java.nio.file.Path;

/** One input to prepare for one execution, with a fresh folder of its own to put it in. */
public record PrepareRequest(Job job, String executionId, InputSource input, Path stagingDir) {}
