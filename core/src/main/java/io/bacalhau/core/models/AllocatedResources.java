package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an execution was given, per task name: Bacalhau writes {@code {"Tasks": {"main": {"CPU":
 * 0.5, ...}}}}. Reading also takes the flat {@code {"CPU": 0.5, ...}} this project stored before,
 * filed under {@link #LEGACY_TASK} since that shape did not name its task.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AllocatedResources(@JsonProperty("Tasks") Map<String, Resources> tasks) {

  /** The task a flat, unnamed allocation is filed under: the name every CLI-built task has. */
  public static final String LEGACY_TASK = "main";

  public static final AllocatedResources NONE = new AllocatedResources(Map.of());

  public AllocatedResources {
    tasks = Immutables.map(tasks);
  }

  public static AllocatedResources of(String task, Resources resources) {
    return new AllocatedResources(Map.of(task, resources == null ? Resources.ZERO : resources));
  }

  /** Either shape: {@code Tasks} (any case) holds the named allocations, else the object is one. */
  @JsonCreator
  static AllocatedResources read(Map<String, Object> json) {
    if (json == null) {
      return NONE;
    }
    for (Map.Entry<String, Object> e : json.entrySet()) {
      if (e.getKey().equalsIgnoreCase("Tasks")) {
        if (!(e.getValue() instanceof Map<?, ?> named)) {
          return NONE;
        }
        Map<String, Resources> tasks = new LinkedHashMap<>();
        named.forEach((name, value) -> tasks.put(String.valueOf(name), resources(value)));
        return new AllocatedResources(tasks);
      }
    }
    return json.isEmpty() ? NONE : of(LEGACY_TASK, resources(json));
  }

  private static Resources resources(Object value) {
    if (!(value instanceof Map<?, ?> fields)) {
      return Resources.ZERO;
    }
    return new Resources(
        number(fields, "CPU").doubleValue(),
        number(fields, "Memory").longValue(),
        number(fields, "Disk").longValue(),
        number(fields, "GPU").longValue());
  }

  /** A field by name in any case, as Bacalhau's decoder matches them; absent is zero. */
  private static Number number(Map<?, ?> fields, String name) {
    for (Map.Entry<?, ?> e : fields.entrySet()) {
      if (String.valueOf(e.getKey()).equalsIgnoreCase(name) && e.getValue() instanceof Number n) {
        return n;
      }
    }
    return 0;
  }

  /** The sum over the tasks: what the node must hold for the execution. */
  @JsonIgnore
  public Resources total() {
    return tasks.values().stream().reduce(Resources.ZERO, Resources::add);
  }
}
