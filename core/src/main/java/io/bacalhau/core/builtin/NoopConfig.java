package io.bacalhau.core.builtin;

/** The noop providers take no configuration. */
public record NoopConfig() {}
