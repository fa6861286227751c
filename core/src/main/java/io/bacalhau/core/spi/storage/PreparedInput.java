package io.bacalhau.core.spi.storage;

import io.bacalhau.core.models.InputSource;
import java.nio.file.Path;

/** An input made ready on the host: a file or folder at {@code hostPath}, to appear at target. */
public record PreparedInput(InputSource spec, Path hostPath, String target, boolean readWrite) {}
