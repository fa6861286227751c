package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Resources a task asks for, as the user wrote them ({@code 500m}, {@code 1Gb}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ResourcesConfig(
    @JsonProperty("CPU") String cpu,
    @JsonProperty("Memory") String memory,
    @JsonProperty("Disk") String disk,
    @JsonProperty("GPU") String gpu) {

  public static final ResourcesConfig EMPTY = new ResourcesConfig("", "", "", "");

  public ResourcesConfig {
    cpu = Immutables.string(cpu);
    memory = Immutables.string(memory);
    disk = Immutables.string(disk);
    gpu = Immutables.string(gpu);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return cpu.isBlank() && memory.isBlank() && disk.isBlank() && gpu.isBlank();
  }

  public ResourcesConfig withCpu(String value) {
    return new ResourcesConfig(value, memory, disk, gpu);
  }

  public ResourcesConfig withMemory(String value) {
    return new ResourcesConfig(cpu, value, disk, gpu);
  }

  public ResourcesConfig withDisk(String value) {
    return new ResourcesConfig(cpu, memory, value, gpu);
  }

  public ResourcesConfig withGpu(String value) {
    return new ResourcesConfig(cpu, memory, disk, value);
  }
}
