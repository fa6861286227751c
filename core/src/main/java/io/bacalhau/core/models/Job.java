package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job as users write it and the orchestrator stores it. Times are Unix nanoseconds. Name is the
 * update key within a namespace; Version counts spec updates and Revision counts state changes.
 * Every key is written, empty or not, as Bacalhau's API does: its clients read them unguarded.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
  "ID",
  "Name",
  "Namespace",
  "Type",
  "Priority",
  "Count",
  "Constraints",
  "Meta",
  "Labels",
  "Tasks",
  "State",
  "Version",
  "Revision",
  "CreateTime",
  "ModifyTime"
})
public record Job(
    @JsonProperty("ID") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("Type") String type,
    @JsonProperty("Priority") int priority,
    @JsonProperty("Count") int count,
    @JsonProperty("Constraints") List<LabelSelectorRequirement> constraints,
    @JsonProperty("Meta") Map<String, String> meta,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Tasks") List<Task> tasks,
    @JsonProperty("State") State<JobStateType> state,
    @JsonProperty("Version") long version,
    @JsonProperty("Revision") long revision,
    @JsonProperty("CreateTime") long createTime,
    @JsonProperty("ModifyTime") long modifyTime) {

  public static final String DEFAULT_NAMESPACE = "default";

  public Job {
    id = Immutables.string(id);
    name = Immutables.string(name);
    namespace = Immutables.string(namespace);
    type = Immutables.string(type);
    constraints = Immutables.list(constraints);
    meta = Immutables.map(meta);
    labels = Immutables.map(labels);
    tasks = Immutables.list(tasks);
    state = state == null ? State.of(JobStateType.UNDEFINED) : state;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .name(name)
        .namespace(namespace)
        .type(type)
        .priority(priority)
        .count(count)
        .constraints(constraints)
        .meta(meta)
        .labels(labels)
        .tasks(tasks)
        .state(state)
        .version(version)
        .revision(revision)
        .createTime(createTime)
        .modifyTime(modifyTime);
  }

  /** The parsed type, empty when the spec's Type is missing or unknown. */
  @JsonIgnore
  public Optional<JobType> jobType() {
    return JobType.parse(type);
  }

  /** The task that runs; Bacalhau runs only the first. */
  @JsonIgnore
  public Task task() {
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  @JsonIgnore
  public JobStateType stateType() {
    return state.stateType();
  }

  public Job withState(State<JobStateType> newState) {
    return toBuilder().state(newState).build();
  }

  /** Builds jobs in code. */
  public static final class Builder {
    private String id;
    private String name;
    private String namespace;
    private String type;
    private int priority;
    private int count;
    private List<LabelSelectorRequirement> constraints;
    private Map<String, String> meta;
    private Map<String, String> labels;
    private List<Task> tasks;
    private State<JobStateType> state;
    private long version;
    private long revision;
    private long createTime;
    private long modifyTime;

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder namespace(String v) {
      namespace = v;
      return this;
    }

    public Builder type(String v) {
      type = v;
      return this;
    }

    public Builder type(JobType v) {
      type = v.value();
      return this;
    }

    public Builder priority(int v) {
      priority = v;
      return this;
    }

    public Builder count(int v) {
      count = v;
      return this;
    }

    public Builder constraints(List<LabelSelectorRequirement> v) {
      constraints = v;
      return this;
    }

    public Builder meta(Map<String, String> v) {
      meta = v;
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    public Builder tasks(List<Task> v) {
      tasks = v;
      return this;
    }

    public Builder task(Task v) {
      tasks = List.of(v);
      return this;
    }

    public Builder state(State<JobStateType> v) {
      state = v;
      return this;
    }

    public Builder version(long v) {
      version = v;
      return this;
    }

    public Builder revision(long v) {
      revision = v;
      return this;
    }

    public Builder createTime(long v) {
      createTime = v;
      return this;
    }

    public Builder modifyTime(long v) {
      modifyTime = v;
      return this;
    }

    public Job build() {
      return new Job(
          id,
          name,
          namespace,
          type,
          priority,
          count,
          constraints,
          meta,
          labels,
          tasks,
          state,
          version,
          revision,
          createTime,
          modifyTime);
    }
  }
}
