package io.bacalhau.core.orchestrator;

/** The history topics the orchestrator writes, as Bacalhau names them. */
public final class Topics {
  public static final String SUBMISSION = "Submission";
  public static final String STATE_UPDATE = "State Update";
  public static final String SCHEDULING = "Scheduling";
  public static final String QUEUEING = "Queueing";
  public static final String EXEC_TIMEOUT = "Exec Timeout";
  public static final String JOB_TIMEOUT = "Job Timeout";
  public static final String EXECUTION = "Execution";
  public static final String RESTART = "Restart";

  private Topics() {}
}
