package io.bacalhau.plugins.s3;

import java.util.Map;

/** The s3 publisher with {@code Encoding: plain}: one object per file under a prefix. */
class S3PlainPublisherContractTest extends S3PublisherContractTest {
  @Override
  protected Map<String, Object> params() {
    Map<String, Object> params = super.params();
    params.put("Encoding", "plain");
    return params;
  }
}
