package io.bacalhau.core.builtin.inline;

/** The inline source takes no configuration. */
public record InlineConfig() {}
