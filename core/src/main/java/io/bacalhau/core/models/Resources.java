package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.util.StdConverter;

/**
 * Resources in numbers: cores, bytes, bytes, GPUs. A zero is left out of JSON, as Bacalhau does.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Resources(
    @JsonProperty("CPU") @JsonSerialize(converter = Resources.GoFloat.class) double cpu,
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

  /** Whole cores as Go writes a float64 that has no fraction: {@code 4}, not {@code 4.0}. */
  static final class GoFloat extends StdConverter<Double, Number> {
    @Override
    public Number convert(Double value) {
      double v = value;
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }
  }
}
