package io.bacalhau.plugins.s3;

/**
 * An S3 call that failed, in SDK-neutral terms so that only {@link S3Storage} imports the SDK.
 *
 * @param status HTTP status, 0 when no answer came (network, DNS, refused connection)
 * @param s3Code S3's error code such as {@code NoSuchBucket}, or "" when unknown
 * @param bucketRegion the region S3 says the bucket lives in ({@code x-amz-bucket-region}), or ""
 */
final class S3Failure extends RuntimeException {
  private final int status;
  private final String s3Code;
  private final String bucketRegion;

  S3Failure(int status, String s3Code, String bucketRegion, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.s3Code = s3Code == null ? "" : s3Code;
    this.bucketRegion = bucketRegion == null ? "" : bucketRegion;
  }

  int status() {
    return status;
  }

  String s3Code() {
    return s3Code;
  }

  String bucketRegion() {
    return bucketRegion;
  }
}
