package io.bacalhau.core.errors;

/** Bacalhau's structured error codes, each with the HTTP status a server would answer with. */
public enum ErrorCode {
  BAD_REQUEST("BadRequest", 400),
  VALIDATION_ERROR("ValidationError", 400),
  NOT_FOUND("NotFound", 404),
  UNAUTHORIZED("Unauthorized", 401),
  FORBIDDEN("Forbidden", 403),
  SERVICE_UNAVAILABLE("ServiceUnavailable", 503),
  NOT_IMPLEMENTED("NotImplemented", 501),
  RESOURCE_EXHAUSTED("ResourceExhausted", 429),
  RESOURCE_IN_USE("ResourceInUse", 409),
  INTERNAL_ERROR("InternalError", 500),
  TIME_OUT("TimeOut", 500),
  VERSION_MISMATCH("VersionMismatch", 500),
  TOO_MANY_REQUESTS("TooManyRequests", 500),
  NETWORK_FAILURE("NetworkFailure", 500),
  CONFIGURATION_ERROR("ConfigurationError", 500),
  DATASTORE_FAILURE("DatastoreFailure", 500),
  REQUEST_CANCELLED("RequestCancelled", 500),
  IO_ERROR("IOError", 500),
  UNKNOWN_ERROR("UnknownError", 500),
  CONFLICT_JOB_STATE("ConflictJobState", 409),
  MULTIPLE_JOBS_FOUND("MultipleJobsFound", 400),
  MULTIPLE_EXECUTIONS_FOUND("MultipleExecutionsFound", 400),
  MULTIPLE_EVALUATIONS_FOUND("MultipleEvaluationsFound", 400),
  MULTIPLE_JOB_IDS_FOR_SAME_NAME_FOUND("MultipleJobIDsForSameNameFound", 400),
  EXECUTION_ALREADY_STARTED("ExecutionAlreadyStarted", 409),
  EXECUTION_ALREADY_CANCELLED("ExecutionAlreadyCancelled", 409),
  EXECUTION_ALREADY_COMPLETE("ExecutionAlreadyComplete", 409),
  EXECUTION_NOT_FOUND("ExecutionNotFound", 404),
  EXECUTOR_SPEC_VALIDATION_ERR("ExecutorSpecValidationErr", 400),
  NO_CHANGES("NoChanges", 400),
  NOT_ENOUGH_NODES("NotEnoughNodes", 500),
  IMAGE_UNAVAILABLE("ImageUnavailable", 500),
  MEMORY_LIMIT_EXCEEDED("MemoryLimitExceeded", 500);

  private final String code;
  private final int httpStatus;

  ErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The PascalCase name Bacalhau uses on the wire and in events. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
