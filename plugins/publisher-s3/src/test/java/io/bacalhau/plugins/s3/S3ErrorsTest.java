package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import org.junit.jupiter.api.Test;

/** The S3 answers a local server cannot produce (regions, throttling) map to actionable errors. */
class S3ErrorsTest {
  private static final S3Endpoint AWS = new S3Endpoint("", "us-east-1");

  private static BacalhauException map(int status, String code, String region) {
    return S3Errors.map(
        new S3Failure(status, code, region, "msg", null),
        "S3Publisher",
        "upload to",
        "b",
        "k",
        AWS);
  }

  @Test
  void aBucketInAnotherRegionNamesThatRegion() {
    BacalhauException e = map(301, "PermanentRedirect", "eu-west-1");
    assertEquals(ErrorCode.CONFIGURATION_ERROR, e.code());
    assertTrue(e.hint().contains("eu-west-1"), e.hint());
    assertTrue(e.getMessage().contains("PermanentRedirect"), e.getMessage());
    assertFalse(e.retryable());
    BacalhauException malformed = map(400, "AuthorizationHeaderMalformed", "");
    assertEquals(ErrorCode.CONFIGURATION_ERROR, malformed.code());
    assertTrue(malformed.hint().contains("Region"), malformed.hint());
  }

  @Test
  void throttlingAndServerErrorsAreRetryable() {
    for (int status : new int[] {429, 500, 503}) {
      BacalhauException e = map(status, "SlowDown", "");
      assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
      assertTrue(e.retryable());
      assertEquals(String.valueOf(status), e.details().get("HTTPStatus"));
    }
  }

  @Test
  void theMessageNamesTheObjectAndWhere() {
    BacalhauException e = map(404, "NoSuchBucket", "");
    assertTrue(
        e.getMessage().startsWith("cannot upload to s3://b/k at AWS S3: NoSuchBucket"),
        e.getMessage());
    assertEquals("b", e.details().get("Bucket"));
    assertTrue(e.failsExecution());
    assertEquals("S3Publisher:NoSuchBucket", e.qualifiedCode());
    assertEquals("S3Publisher:AccessDenied", map(403, "", "").qualifiedCode());
  }
}
