package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.PortMapping;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A job from a node's JSON, read field by field. Jackson's databind would build its readers of the
 * job's twelve record types by reflection in every client process, which for {@code job list} was
 * about a fifth of the client's CPU time; this reads what databind reads, the same way: keys in any
 * case, unknown keys ignored, a missing value as the record's default, a number where text is
 * expected as its text and text where a number is expected as the number it spells. A value of the
 * wrong shape (an object where a list belongs) is refused, as databind refuses it.
 */
final class JobJson {
  private JobJson() {}

  static Job read(JsonNode node) {
    Fields f = Fields.of(node, "Job");
    return new Job(
        f.text("ID"),
        f.text("Name"),
        f.text("Namespace"),
        f.text("Type"),
        f.integer("Priority"),
        f.integer("Count"),
        f.list("Constraints", JobJson::requirement),
        f.texts("Meta"),
        f.texts("Labels"),
        f.list("Tasks", JobJson::task),
        f.object("State", JobJson::state),
        f.number("Version"),
        f.number("Revision"),
        f.number("CreateTime"),
        f.number("ModifyTime"));
  }

  private static State<JobStateType> state(JsonNode node) {
    Fields f = Fields.of(node, "State");
    String type = f.text("StateType");
    return new State<>(
        type == null ? null : JobStateType.parse(type), f.text("Message"), f.texts("Details"));
  }

  private static LabelSelectorRequirement requirement(JsonNode node) {
    Fields f = Fields.of(node, "Constraints");
    return new LabelSelectorRequirement(
        f.text("Key"), f.text("Operator"), f.list("Values", v -> Fields.scalar(v, "Values")));
  }

  private static Task task(JsonNode node) {
    Fields f = Fields.of(node, "Tasks");
    return new Task(
        f.text("Name"),
        f.object("Engine", JobJson::spec),
        f.object("Publisher", JobJson::spec),
        f.texts("Env"),
        f.texts("Meta"),
        f.list("InputSources", JobJson::input),
        f.list("ResultPaths", JobJson::resultPath),
        f.object("Resources", JobJson::resources),
        f.object("Network", JobJson::network),
        f.object("Timeouts", JobJson::timeouts));
  }

  private static SpecConfig spec(JsonNode node) {
    Fields f = Fields.of(node, "SpecConfig");
    return new SpecConfig(f.text("Type"), f.untypedMap("Params"));
  }

  private static InputSource input(JsonNode node) {
    Fields f = Fields.of(node, "InputSources");
    return new InputSource(f.object("Source", JobJson::spec), f.text("Alias"), f.text("Target"));
  }

  private static ResultPath resultPath(JsonNode node) {
    Fields f = Fields.of(node, "ResultPaths");
    return new ResultPath(f.text("Name"), f.text("Path"));
  }

  private static ResourcesConfig resources(JsonNode node) {
    Fields f = Fields.of(node, "Resources");
    return new ResourcesConfig(f.text("CPU"), f.text("Memory"), f.text("Disk"), f.text("GPU"));
  }

  private static NetworkConfig network(JsonNode node) {
    Fields f = Fields.of(node, "Network");
    return new NetworkConfig(
        f.text("Type"),
        f.list("Domains", v -> Fields.scalar(v, "Domains")),
        f.list("Ports", JobJson::port));
  }

  private static PortMapping port(JsonNode node) {
    Fields f = Fields.of(node, "Ports");
    return new PortMapping(
        f.text("Name"), f.integer("Static"), f.integer("Target"), f.text("HostNetwork"));
  }

  private static TimeoutConfig timeouts(JsonNode node) {
    Fields f = Fields.of(node, "Timeouts");
    return new TimeoutConfig(
        f.number("ExecutionTimeout"), f.number("QueueTimeout"), f.number("TotalTimeout"));
  }

  /** The fields of one JSON object, by their names in lower case (databind's case-insensitive). */
  private record Fields(Map<String, JsonNode> byName, String where) {
    static Fields of(JsonNode node, String where) {
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + " is not an object");
      }
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      node.properties().forEach(e -> byName.putIfAbsent(lower(e.getKey()), e.getValue()));
      return new Fields(byName, where);
    }

    private JsonNode get(String name) {
      JsonNode value = byName.get(lower(name));
      return value == null || value.isNull() ? null : value;
    }

    String text(String name) {
      JsonNode value = get(name);
      return value == null ? null : scalar(value, where + "." + name);
    }

    long number(String name) {
      JsonNode value = get(name);
      if (value == null) {
        return 0;
      }
      // A fraction is cut to its whole part, as databind does.
      if (value.isNumber() || value.isTextual() && value.asText().matches("-?\\d+")) {
        return value.asLong();
      }
      throw new IllegalArgumentException(where + "." + name + " is not a whole number");
    }

    int integer(String name) {
      return Math.toIntExact(number(name));
    }

    <T> T object(String name, Function<JsonNode, T> reader) {
      JsonNode value = get(name);
      return value == null ? null : reader.apply(value);
    }

    <T> List<T> list(String name, Function<JsonNode, T> reader) {
      JsonNode value = get(name);
      if (value == null) {
        return null;
      }
      if (!value.isArray()) {
        throw new IllegalArgumentException(where + "." + name + " is not a list");
      }
      List<T> items = new ArrayList<>();
      value.forEach(item -> items.add(item.isNull() ? null : reader.apply(item)));
      return items;
    }

    Map<String, String> texts(String name) {
      JsonNode value = get(name);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        throw new IllegalArgumentException(where + "." + name + " is not an object");
      }
      Map<String, String> texts = new LinkedHashMap<>();
      value.properties().forEach(e -> texts.put(e.getKey(), textOrNull(e.getValue(), name)));
      return texts;
    }

    Map<String, Object> untypedMap(String name) {
      JsonNode value = get(name);
      if (value == null) {
        return null;
      }
      if (!value.isObject()) {
        throw new IllegalArgumentException(where + "." + name + " is not an object");
      }
      return UntypedJson.map(value);
    }

    private String textOrNull(JsonNode value, String name) {
      return value.isNull() ? null : scalar(value, where + "." + name);
    }

    private static String lower(String name) {
      return name.toLowerCase(Locale.ROOT);
    }

    static String scalar(JsonNode value, String where) {
      if (value.isContainerNode()) {
        throw new IllegalArgumentException(where + " is not text");
      }
      return value.asText();
    }
  }
}
