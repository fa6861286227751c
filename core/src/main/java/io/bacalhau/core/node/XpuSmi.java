package io.bacalhau.core.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Gpu;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Intel's {@code xpu-smi}: {@code discovery --json} lists the devices, and {@code discovery --json
 * --device ID} tells one device's memory, so a GPU takes one more call, as in Bacalhau.
 */
final class XpuSmi implements GpuTool {
  private static final long MIB = 1024 * 1024;

  @Override
  public String command() {
    return "xpu-smi";
  }

  @Override
  public List<Gpu> list(Runner run) {
    List<Gpu> gpus = new ArrayList<>();
    for (JsonNode device : json(run.run("discovery", "--json")).path("device_list")) {
      int id = device.path("device_id").asInt(-1);
      if (id < 0) {
        throw new Failure("listed a device without a device_id: " + device);
      }
      gpus.add(device(id, json(run.run("discovery", "--json", "--device", "" + id))));
    }
    return gpus;
  }

  /** One device's details: name, PCI address and {@code memory_physical_size_byte}. */
  static Gpu device(int id, JsonNode d) {
    String memory = d.path("memory_physical_size_byte").asText("");
    try {
      return new Gpu(
          id,
          Gpu.INTEL,
          d.path("device_name").asText(""),
          Long.parseLong(memory) / MIB,
          d.path("pci_bdf_address").asText(""));
    } catch (NumberFormatException e) {
      throw new Failure(
          "device " + id + " has no memory_physical_size_byte in bytes: '" + memory + "'");
    }
  }

  static JsonNode json(String text) {
    try {
      JsonNode node = Codecs.json().readTree(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // said below
    }
    throw new Failure("printed what is no JSON object: " + RocmSmi.firstLine(text));
  }
}
