package io.bacalhau.core.models;

/**
 * The topics of the history events the node writes, as Bacalhau names them; {@code job history}
 * shows them. One list, because the orchestrator and compute share some (both write {@code
 * Execution}) and built-in input sources write under compute's {@code Downloading Inputs}.
 */
public final class HistoryTopics {
  // Written by the orchestrator.
  public static final String SUBMISSION = "Submission";
  public static final String STATE_UPDATE = "State Update";
  public static final String SCHEDULING = "Scheduling";
  public static final String QUEUEING = "Queueing";
  public static final String EXEC_TIMEOUT = "Exec Timeout";
  public static final String JOB_TIMEOUT = "Job Timeout";
  public static final String RESTART = "Restart";

  // Written by both.
  public static final String EXECUTION = "Execution";

  // Written by compute, and by input sources while they fetch.
  public static final String DOWNLOADING_INPUTS = "Downloading Inputs";
  public static final String RUNNING_EXECUTION = "Running Execution";
  public static final String PUBLISHING_RESULTS = "Publishing Results";

  private HistoryTopics() {}
}
