package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Resources in numbers: cores, bytes, bytes, GPUs. */
public record Resources(
    @JsonProperty("CPU") double cpu,
    @JsonProperty("Memory") long memory,
    @JsonProperty("Disk") long disk,
    @JsonProperty("GPU") long gpu) {

  public static final Resources ZERO = new Resources(0, 0, 0, 0);

  public Resources add(Resources o) {
    return new Resources(cpu + o.cpu, memory + o.memory, disk + o.disk, gpu + o.gpu);
  }

  public Resources subtract(Resources o) {
    return new Resources(cpu - o.cpu, memory - o.memory, disk - o.disk, gpu - o.gpu);
  }

  /** Every dimension of this fits in the other. */
  public boolean fitsIn(Resources o) {
    return cpu <= o.cpu + 1e-9 && memory <= o.memory && disk <= o.disk && gpu <= o.gpu;
  }

  public boolean isZero() {
    return cpu == 0 && memory == 0 && disk == 0 && gpu == 0;
  }
}
