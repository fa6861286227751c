package io.bacalhau.core.analytics;

import java.util.List;

/** The five event types Bacalhau shares, spelled as Bacalhau v1.6 spells them. */
public final class EventTypes {
  private EventTypes() {}

  public static final String JOB_SUBMIT = "bacalhau.job_v1.submit";
  public static final String JOB_TERMINAL = "bacalhau.job_v1.terminal";
  public static final String EXECUTION_CREATE = "bacalhau.execution_v1.create";
  public static final String EXECUTION_TERMINAL = "bacalhau.execution_v1.terminal";
  public static final String EXECUTION_COMPUTE_MESSAGE = "bacalhau.execution_v1.compute_message";

  public static final List<String> ALL =
      List.of(
          JOB_SUBMIT,
          JOB_TERMINAL,
          EXECUTION_CREATE,
          EXECUTION_TERMINAL,
          EXECUTION_COMPUTE_MESSAGE);
}
