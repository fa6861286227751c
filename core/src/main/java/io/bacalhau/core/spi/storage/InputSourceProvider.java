package io.bacalhau.core.spi.storage;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;

/** Fetches one kind of input (S3, IPFS, URL, ...) onto the host before a run. */
public interface InputSourceProvider extends AutoCloseable {

  /** Checks the source params before anything runs. */
  default void validate(SpecConfig source) {}

  /**
   * Whether the source is already on this node, so that preparing it fetches nothing: what {@code
   * JobAdmissionControl.Locality: local} asks of each input before bidding. Sources fetched from
   * elsewhere (URLs, S3, IPFS) say no.
   */
  default boolean isLocal(SpecConfig source) {
    return false;
  }

  /**
   * Makes the input available under {@code request.stagingDir()} (or points at it where it already
   * is). Paths from the spec or an archive must never escape the staging dir.
   */
  PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception;

  /** Removes what {@link #prepare} made, once the execution ended. */
  default void cleanup(PreparedInput input) {}

  @Override
  default void close() {}
}
