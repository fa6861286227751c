package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.SpecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code -p/--publisher}: a CSV record whose first field may be the type or URI ({@code
 * ipfs}, {@code local}, {@code s3://bucket/key}, {@code s3managed}), with {@code target=} and
 * repeatable {@code opt=k=v} fields.
 */
public final class PublisherFlag {
  static final String FLAG = "--publisher";
  private static final String HINT =
      "Use -p ipfs, -p local, -p s3managed or -p s3://bucket/key[,opt=region=...,opt=endpoint=...].";

  private PublisherFlag() {}

  public static SpecConfig parse(String value) {
    String target = "";
    Map<String, String> options = new LinkedHashMap<>();
    List<String> fields = CsvFields.split(value);
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      switch (KeyValue.key(field)) {
        case "target", "dst", "destination" -> target = KeyValue.value(field);
        case "opt", "option" -> KeyValue.option(FLAG, value, KeyValue.value(field), options);
        default -> {
          if (i != 0 || field.isEmpty()) {
            throw error(value, "'" + field + "' is not target= or opt=");
          }
          target = field;
        }
      }
    }
    if (target.isBlank()) {
      throw error(value, "no publisher type");
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      return s3(target.substring(5), options);
    }
    return switch (lower) {
      case "ipfs" -> SpecConfig.of("ipfs", new LinkedHashMap<>(options));
      case "local" -> SpecConfig.of("local", new LinkedHashMap<>(options));
      case "s3managed" -> SpecConfig.of("s3managed", new LinkedHashMap<>(options));
      case "s3" -> s3("", options);
      default ->
          throw error(
              value, "unknown publisher type '" + target + "' (valid: ipfs, local, s3, s3managed)");
    };
  }

  /** Options are copied as params; bucket and key come from the URI unless given as options. */
  private static SpecConfig s3(String bucketAndKey, Map<String, String> options) {
    Map<String, Object> params = new LinkedHashMap<>();
    int slash = bucketAndKey.indexOf('/');
    params.put("Bucket", slash < 0 ? bucketAndKey : bucketAndKey.substring(0, slash));
    params.put("Key", slash < 0 ? "" : bucketAndKey.substring(slash + 1));
    options.forEach(
        (k, v) ->
            params.put(
                switch (k.toLowerCase(Locale.ROOT)) {
                  case "bucket" -> "Bucket";
                  case "key" -> "Key";
                  case "region" -> "Region";
                  case "endpoint" -> "Endpoint";
                  case "encoding" -> "Encoding";
                  default -> k;
                },
                v));
    return SpecConfig.of("s3", params);
  }

  private static UsageException error(String value, String problem) {
    return new UsageException(FLAG + " '" + value + "': " + problem, HINT);
  }
}
