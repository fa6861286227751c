package io.bacalhau.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Gpu;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * AMD's {@code rocm-smi}: a JSON object with one {@code cardN} entry per GPU, its series, PCI bus
 * and VRAM in bytes.
 */
final class RocmSmi implements GpuTool {
  private static final long MIB = 1024 * 1024;

  @Override
  public String command() {
    return "rocm-smi";
  }

  @Override
  public List<Gpu> list(Runner run) {
    return parse(run.run("--showproductname", "--showbus", "--showmeminfo", "vram", "--json"));
  }

  static List<Gpu> parse(String json) {
    JsonNode root;
    try {
      root = Codecs.json().readTree(json);
    } catch (IOException e) {
      throw new Failure("printed what is no JSON: " + firstLine(json));
    }
    if (root == null || !root.isObject()) {
      throw new Failure("printed what is no JSON object: " + firstLine(json));
    }
    List<Gpu> gpus = new ArrayList<>();
    for (Map.Entry<String, JsonNode> card : root.properties()) {
      // Other keys ("system") describe the machine, not a card.
      if (!card.getKey().matches("card\\d+")) {
        continue;
      }
      JsonNode c = card.getValue();
      String memory = field(c, "VRAM Total Memory (B)");
      try {
        gpus.add(
            new Gpu(
                Integer.parseInt(card.getKey().substring(4)),
                Gpu.AMD,
                field(c, "Card series"),
                Long.parseLong(memory) / MIB,
                field(c, "PCI Bus")));
      } catch (NumberFormatException e) {
        throw new Failure(
            card.getKey() + " has no VRAM Total Memory (B) in bytes: '" + memory + "'");
      }
    }
    gpus.sort(Comparator.comparingInt(Gpu::index));
    return gpus;
  }

  /** ROCm 5 wrote "Card series", ROCm 6 "Card Series": keys are matched ignoring case. */
  private static String field(JsonNode card, String name) {
    for (Map.Entry<String, JsonNode> f : card.properties()) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return f.getValue().asText("");
      }
    }
    return "";
  }

  static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("");
  }
}
