package io.bacalhau.core.spi.publisher;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import java.nio.file.Path;

/** Stores an execution's results somewhere users can fetch them. */
public interface Publisher extends AutoCloseable {

  /** Checks the publisher params before anything runs. */
  default void validate(SpecConfig publisherSpec) {}

  /**
   * Publishes {@code request.resultsDir()} and says where it went (e.g. {@code {Type: s3, Params:
   * {Bucket, Key}}}).
   */
  SpecConfig publish(PublishRequest request, ExecutionEvents events) throws Exception;

  /**
   * Fetches a result this publisher published (the {@code PublishedResult} of an execution) into
   * {@code into}, an empty folder, unpacked: {@code stdout}, {@code stderr}, {@code exitCode} and
   * the result folders. Used by {@code bacalhau job get}. Paths inside archives must never escape
   * {@code into}.
   *
   * @throws UnsupportedOperationException when results of this kind cannot be downloaded
   */
  default void download(SpecConfig publishedResult, Path into) throws Exception {
    throw new UnsupportedOperationException(
        "results published as '" + publishedResult.type() + "' cannot be downloaded");
  }

  @Override
  default void close() {}
}
