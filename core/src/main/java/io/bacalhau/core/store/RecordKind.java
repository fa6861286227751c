package io.bacalhau.core.store;

/** The records the store keeps by ID in memory. */
enum RecordKind {
  JOB,
  EXECUTION,
  EVALUATION
}
