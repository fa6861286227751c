package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;

/**
 * Turns a failed S3 call into an error a user can act on. S3's own code (e.g. {@code NoSuchBucket})
 * is kept in the {@code S3Code} detail and in the message; retry logic reads {@code retryable}.
 */
final class S3Errors {
  private S3Errors() {}

  static BacalhauException map(
      S3Failure f, String component, String action, String bucket, String key, S3Endpoint where) {
    String target = "s3://" + bucket + (key.isEmpty() ? "" : "/" + key);
    String at = where.isAws() ? "AWS S3" : where.endpoint();
    String code = f.s3Code();
    ErrorCode ours;
    String hint;
    boolean retryable = false;
    if (code.equals("NoSuchBucket")) {
      ours = ErrorCode.NOT_FOUND;
      hint = "Create bucket '" + bucket + "' at " + at + ", or check the Bucket name and Endpoint.";
    } else if (code.equals("NoSuchKey") || (f.status() == 404 && code.isEmpty())) {
      ours = ErrorCode.NOT_FOUND;
      code = code.isEmpty() ? "NoSuchKey" : code;
      hint = "Check the Key (and VersionID); 'aws s3 ls " + target + "' lists what is there.";
    } else if (isWrongRegion(f)) {
      ours = ErrorCode.CONFIGURATION_ERROR;
      code = code.isEmpty() ? "WrongRegion" : code;
      hint =
          f.bucketRegion().isEmpty()
              ? "The bucket is in another region: set Region to the bucket's region."
              : "Bucket '" + bucket + "' is in " + f.bucketRegion() + ": set Region to it.";
    } else if (f.status() == 403
        || code.equals("AccessDenied")
        || code.equals("InvalidAccessKeyId")
        || code.equals("SignatureDoesNotMatch")) {
      ours = ErrorCode.FORBIDDEN;
      code = code.isEmpty() ? "AccessDenied" : code;
      hint =
          "Check the node's AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE"
              + " or ~/.aws/credentials) and that they may "
              + action
              + " "
              + target
              + ".";
    } else if (f.status() == 0 || f.status() >= 500 || f.status() == 429) {
      ours = f.status() == 0 ? ErrorCode.NETWORK_FAILURE : ErrorCode.SERVICE_UNAVAILABLE;
      code = code.isEmpty() ? (f.status() == 0 ? "NetworkFailure" : "ServiceUnavailable") : code;
      retryable = true;
      hint = "Check that " + at + " is reachable from this node; the call can be retried.";
    } else {
      ours = ErrorCode.INTERNAL_ERROR;
      hint = null;
    }
    String message =
        "cannot "
            + action
            + " "
            + target
            + " at "
            + at
            + ": "
            + (code.isEmpty() ? "" : code + ": ")
            + f.getMessage();
    BacalhauException.Builder b =
        BacalhauException.builder(ours, message)
            .component(component)
            .specificCode(code)
            .hint(hint)
            .retryable(retryable)
            .failsExecution(true)
            .cause(f)
            .detail("Bucket", bucket);
    if (!code.isEmpty()) {
      b.detail("S3Code", code);
    }
    if (f.status() > 0) {
      b.detail("HTTPStatus", String.valueOf(f.status()));
    }
    return b.build();
  }

  private static boolean isWrongRegion(S3Failure f) {
    return f.s3Code().equals("PermanentRedirect")
        || f.s3Code().equals("AuthorizationHeaderMalformed")
        || f.s3Code().equals("IllegalLocationConstraintException")
        || f.status() == 301;
  }
}
