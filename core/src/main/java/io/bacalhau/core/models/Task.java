package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The one unit of work of a job: an engine run with inputs, results, resources and limits. As in
 * Bacalhau's JSON, the empty maps and lists are left out, while Publisher, Resources, Network and
 * Timeouts are always written (as {@code {"Type": ""}}, {@code {}}, {@code {"Type": "Default"}} and
 * {@code {}} when unset).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Task(
    @JsonProperty("Name") String name,
    @JsonProperty("Engine") SpecConfig engine,
    @JsonProperty("Publisher") SpecConfig publisher,
    @JsonProperty("Env") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> env,
    @JsonProperty("Meta") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> meta,
    @JsonProperty("InputSources") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<InputSource> inputSources,
    @JsonProperty("ResultPaths") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<ResultPath> resultPaths,
    @JsonProperty("Resources") ResourcesConfig resources,
    @JsonProperty("Network") NetworkConfig network,
    @JsonProperty("Timeouts") TimeoutConfig timeouts) {

  public Task {
    name = Immutables.string(name);
    engine = engine == null ? SpecConfig.EMPTY : engine;
    publisher = publisher == null ? SpecConfig.EMPTY : publisher;
    env = Immutables.map(env);
    meta = Immutables.map(meta);
    inputSources = Immutables.list(inputSources);
    resultPaths = Immutables.list(resultPaths);
    resources = resources == null ? ResourcesConfig.EMPTY : resources;
    network = network == null ? NetworkConfig.DEFAULT : network;
    timeouts = timeouts == null ? TimeoutConfig.NONE : timeouts;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .engine(engine)
        .publisher(publisher)
        .env(env)
        .meta(meta)
        .inputSources(inputSources)
        .resultPaths(resultPaths)
        .resources(resources)
        .network(network)
        .timeouts(timeouts);
  }

  /** Builds tasks in code: CLI flags, tests, translators. */
  public static final class Builder {
    private String name = "main";
    private SpecConfig engine;
    private SpecConfig publisher;
    private Map<String, String> env;
    private Map<String, String> meta;
    private List<InputSource> inputSources;
    private List<ResultPath> resultPaths;
    private ResourcesConfig resources;
    private NetworkConfig network;
    private TimeoutConfig timeouts;

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder engine(SpecConfig v) {
      engine = v;
      return this;
    }

    public Builder publisher(SpecConfig v) {
      publisher = v;
      return this;
    }

    public Builder env(Map<String, String> v) {
      env = v;
      return this;
    }

    public Builder meta(Map<String, String> v) {
      meta = v;
      return this;
    }

    public Builder inputSources(List<InputSource> v) {
      inputSources = v;
      return this;
    }

    public Builder resultPaths(List<ResultPath> v) {
      resultPaths = v;
      return this;
    }

    public Builder resources(ResourcesConfig v) {
      resources = v;
      return this;
    }

    public Builder network(NetworkConfig v) {
      network = v;
      return this;
    }

    public Builder timeouts(TimeoutConfig v) {
      timeouts = v;
      return this;
    }

    public Task build() {
      return new Task(
          name,
          engine,
          publisher,
          env,
          meta,
          inputSources,
          resultPaths,
          resources,
          network,
          timeouts);
    }
  }
}
