package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.SpecConfig;
import java.util.Locale;

/**
 * Where a publisher puts results: {@code Bucket}, {@code Key} (a template, see {@link
 * KeyTemplate}), {@code Endpoint}, {@code Region} and {@code Encoding} ({@code gzip} or {@code
 * plain}).
 */
record S3Target(String bucket, String key, S3Endpoint endpoint, boolean gzip) {

  static S3Target from(SpecConfig spec) {
    S3Params params = new S3Params(spec, "Publisher.Params", S3Publisher.COMPONENT);
    String bucket = params.required("Bucket");
    String key = params.required("Key");
    String encoding = params.optional("Encoding").toLowerCase(Locale.ROOT);
    if (!encoding.isEmpty() && !encoding.equals("gzip") && !encoding.equals("plain")) {
      params.problem(
          "Publisher.Params.Encoding '" + encoding + "' is not one of: gzip, plain (default gzip)");
    }
    if (bucket.isEmpty() && spec.param("Bucket") != null) {
      params.problem("Publisher.Params.Bucket must not be empty");
    }
    S3Endpoint endpoint = S3Endpoint.of(params, "Publisher.Params");
    params.check();
    return new S3Target(bucket, key, endpoint, !encoding.equals("plain"));
  }
}
