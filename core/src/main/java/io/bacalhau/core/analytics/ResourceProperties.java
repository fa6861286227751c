package io.bacalhau.core.analytics;

import io.bacalhau.core.models.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code resources} property: amounts only (GPU types are not known to this node). */
final class ResourceProperties {
  private ResourceProperties() {}

  static Map<String, Object> of(Resources r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cpu_units", r.cpu());
    m.put("memory_bytes", r.memory());
    m.put("disk_bytes", r.disk());
    m.put("gpu_count", r.gpu());
    m.put("gpu_types", List.of());
    return m;
  }
}
