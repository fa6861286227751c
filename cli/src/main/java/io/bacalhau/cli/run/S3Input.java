package io.bacalhau.cli.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code s3://bucket/key} form of {@code --input} and its options. */
final class S3Input {
  private S3Input() {}

  static io.bacalhau.core.models.SpecConfig spec(
      String flag, String bucketAndKey, Map<String, String> options) {
    int slash = bucketAndKey.indexOf('/');
    String bucket = slash < 0 ? bucketAndKey : bucketAndKey.substring(0, slash);
    String key = slash < 0 ? "" : bucketAndKey.substring(slash + 1);
    if (bucket.isBlank()) {
      throw InputFlag.error(flag, "s3:// needs a bucket (s3://bucket/key)");
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("Bucket", bucket);
    params.put("Key", key);
    for (Map.Entry<String, String> o : options.entrySet()) {
      String name =
          switch (o.getKey().toLowerCase(Locale.ROOT)) {
            case "endpoint" -> "Endpoint";
            case "region" -> "Region";
            case "versionid", "version-id", "version_id" -> "VersionID";
            case "checksum-256", "checksum256", "checksum_256" -> "ChecksumSHA256";
            case "filter" -> "Filter";
            default ->
                throw InputFlag.error(
                    flag,
                    "unknown option '"
                        + o.getKey()
                        + "' for s3:// (valid: endpoint, region, versionID, checksum-256, filter)");
          };
      params.put(name, o.getValue());
    }
    return io.bacalhau.core.models.SpecConfig.of("s3", params);
  }
}
