package io.bacalhau.plugins.s3;

import io.bacalhau.core.models.SpecConfig;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What an S3 input reads: {@code Key} names one object, a prefix ending in {@code /} (a "folder"),
 * or a prefix ending in {@code *}; {@code Filter} is a regex the key remainder must match.
 *
 * @param filter null when no filter is set
 */
record S3Source(
    String bucket,
    String key,
    Pattern filter,
    String versionId,
    String checksumSha256,
    S3Endpoint endpoint) {

  static S3Source from(SpecConfig spec) {
    S3Params params = new S3Params(spec, "InputSource.Source.Params", S3InputSource.COMPONENT);
    String bucket = params.required("Bucket");
    if (bucket.isEmpty() && spec.param("Bucket") != null) {
      params.problem("InputSource.Source.Params.Bucket must not be empty");
    }
    String key = params.optional("Key");
    String filterText = params.optional("Filter");
    Pattern filter = null;
    if (!filterText.isEmpty()) {
      try {
        filter = Pattern.compile(filterText);
      } catch (PatternSyntaxException e) {
        params.problem(
            "InputSource.Source.Params.Filter '"
                + filterText
                + "' is not a valid regex: "
                + e.getDescription());
      }
    }
    String versionId = params.optional("VersionID");
    String checksum = params.optional("ChecksumSHA256");
    boolean single = !key.isEmpty() && !key.endsWith("/") && !key.endsWith("*");
    if (!single && !versionId.isEmpty()) {
      params.problem("InputSource.Source.Params.VersionID only applies to a single object key");
    }
    if (!single && !checksum.isEmpty()) {
      params.problem(
          "InputSource.Source.Params.ChecksumSHA256 only applies to a single object key");
    }
    if (!checksum.isEmpty() && !isSha256Base64(checksum)) {
      params.problem(
          "InputSource.Source.Params.ChecksumSHA256 must be the base64 SHA-256 of the object"
              + " (44 characters)");
    }
    S3Endpoint endpoint = S3Endpoint.of(params, "InputSource.Source.Params");
    params.check();
    return new S3Source(bucket, key, filter, versionId, checksum, endpoint);
  }

  /** True when the key names one object rather than a prefix. */
  boolean singleObject() {
    return !key.isEmpty() && !key.endsWith("/") && !key.endsWith("*");
  }

  /** The prefix to list: the key without a trailing {@code *}. */
  String listPrefix() {
    return key.endsWith("*") ? key.substring(0, key.length() - 1) : key;
  }

  /** Where the relative paths of listed objects start: after the last {@code /} of the prefix. */
  String relativeTo() {
    String prefix = listPrefix();
    return prefix.substring(0, prefix.lastIndexOf('/') + 1);
  }

  private static boolean isSha256Base64(String text) {
    try {
      return Base64.getDecoder().decode(text).length == 32;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
