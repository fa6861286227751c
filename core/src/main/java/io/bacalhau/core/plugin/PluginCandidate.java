package io.bacalhau.core.plugin;

import java.nio.file.Path;

/**
 * A file in a plugins folder that may be a plugin.
 *
 * @param source the jar or zip as the user dropped it (named in warnings)
 * @param loadable what PF4J loads: the jar itself, or the folder the zip was unpacked into
 */
record PluginCandidate(Path source, Path loadable) {}
