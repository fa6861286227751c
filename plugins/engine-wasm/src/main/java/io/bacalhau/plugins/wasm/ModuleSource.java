package io.bacalhau.plugins.wasm;

import java.nio.file.Path;

/** A module file: where the job names it and where it is on this host. */
record ModuleSource(String guestPath, Path host) {}
