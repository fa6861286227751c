package io.bacalhau.core.builtin;

import io.bacalhau.core.builtin.urldownload.UrlDownloadFactory;

/**
 * {@code s3PreSigned}: an S3 object fetched through its pre-signed URL ({@code PreSignedURL}), here
 * served by a loopback HTTP server as S3 serves a signed GET. The type had no provider, so a spec
 * using it (as Bacalhau's orchestrator writes them) was refused.
 */
class S3PreSignedContractTest extends UrlDownloadContractTest {
  @Override
  protected UrlDownloadFactory factory() {
    return UrlDownloadFactory.s3PreSigned();
  }

  @Override
  protected String param() {
    return "PreSignedURL";
  }
}
