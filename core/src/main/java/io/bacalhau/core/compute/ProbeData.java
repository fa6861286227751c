package io.bacalhau.core.compute;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Job;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bid request a probe is asked about, as JSON: {@code {"NodeID": ..., "Job": {...}}}, the job
 * in the shape the API returns it.
 */
final class ProbeData {
  private ProbeData() {}

  static String json(String nodeId, Job job) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("NodeID", nodeId);
    request.put("Job", job);
    try {
      return Codecs.json().writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
