package io.bacalhau.bench.crash;

/** A job the node acknowledged: a 200 with its ID (HTTP) or a CLI that printed it and exited 0. */
record Submitted(String jobId, JobKind kind, String token, boolean published, String via) {}
