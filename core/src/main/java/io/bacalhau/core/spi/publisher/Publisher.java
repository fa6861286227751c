package io.bacalhau.core.spi.publisher;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;

/** Stores an execution's results somewhere users can fetch them. */
public interface Publisher extends AutoCloseable {

  /** Checks the publisher params before anything runs. */
  default void validate(SpecConfig publisherSpec) {}

  /**
   * Publishes {@code request.resultsDir()} and says where it went (e.g. {@code {Type: s3, Params:
   * {Bucket, Key}}}).
   */
  SpecConfig publish(PublishRequest request, ExecutionEvents events) throws Exception;

  @Override
  default void close() {}
}
