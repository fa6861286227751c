package io.bacalhau.cli;

/** The few exit codes scripts and CI pipelines rely on; documented in the README. */
public final class ExitCode {
  /** The command did what was asked; for `job run --wait`, the job completed. */
  public static final int OK = 0;

  /** Something went wrong; `Error:` on stderr says what. Also `job validate` of an invalid spec. */
  public static final int ERROR = 1;

  /** The command line itself is wrong: unknown flag, missing argument, unknown config key. */
  public static final int USAGE = 2;

  /** `--wait`: the job ended Failed (or Stopped). */
  public static final int JOB_FAILED = 3;

  /** `--wait`: the wait timed out before the job ended; the job keeps running. */
  public static final int WAIT_TIMEOUT = 4;

  /** The job was rejected at submission: the spec is invalid or cannot run here. */
  public static final int JOB_REJECTED = 5;

  /**
   * `--wait`: the job completed, but a task exited non-zero. Bacalhau keeps such a job Completed;
   * this code lets a CI pipeline tell a failing run from a passing one.
   */
  public static final int TASK_FAILED = 6;

  private ExitCode() {}
}
