package io.bacalhau.plugins.s3;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Which S3 service to talk to: AWS itself when {@code endpoint} is empty, else any S3-compatible
 * server at that URL (addressed path-style, since such servers rarely have per-bucket DNS names).
 *
 * @param endpoint "" for AWS, else an absolute http(s) URL
 * @param region "" to use the SDK's default region lookup
 */
record S3Endpoint(String endpoint, String region) {
  static final String DEFAULT_REGION = "us-east-1";

  static S3Endpoint of(S3Params params, String path) {
    String endpoint = params.optional("Endpoint");
    String region = params.optional("Region");
    if (!endpoint.isEmpty()) {
      try {
        URI uri = new URI(endpoint);
        if (uri.getHost() == null
            || !("http".equalsIgnoreCase(uri.getScheme())
                || "https".equalsIgnoreCase(uri.getScheme()))) {
          params.problem(path + ".Endpoint '" + endpoint + "' must be an http(s) URL");
        }
      } catch (URISyntaxException e) {
        params.problem(path + ".Endpoint '" + endpoint + "' is not a URL: " + e.getReason());
      }
    }
    if (!region.isEmpty() && !region.matches("[a-z0-9-]+")) {
      params.problem(path + ".Region '" + region + "' is not a region name like eu-west-1");
    }
    return new S3Endpoint(endpoint, region);
  }

  boolean isAws() {
    return endpoint.isEmpty();
  }
}
