package io.bacalhau.core.jobspec;

/** One problem with a job spec, with the path of the field it is about. */
public record SpecProblem(String path, String message) {
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
