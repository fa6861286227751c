package io.bacalhau.plugins.wasm;

import java.nio.file.Path;

/**
 * A host file or folder the module sees at an absolute guest path.
 *
 * @param guestPath absolute, normalized, e.g. {@code /inputs}
 */
record Mount(String guestPath, Path host, boolean writable) {}
