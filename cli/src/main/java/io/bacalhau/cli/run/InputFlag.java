package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.SpecConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one {@code -i/--input} value: a CSV record whose first field may be a bare {@code
 * URI[:dst]}, and whose other fields are {@code src=}, {@code dst=} and repeatable {@code opt=k=v}.
 * The destination defaults to {@code /inputs}; the alias is the source URI.
 */
public final class InputFlag {
  static final String FLAG = "--input";
  static final String DEFAULT_TARGET = "/inputs";
  private static final String HINT =
      "Use -i URI[:/path] or -i src=URI,dst=/path[,opt=key=value], with URI one of ipfs://CID,"
          + " http(s)://..., s3://bucket/key, file:///path.";

  private InputFlag() {}

  public static InputSource parse(String value) {
    String source = "";
    String target = "";
    Map<String, String> options = new LinkedHashMap<>();
    List<String> fields = CsvFields.split(value);
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      String key = KeyValue.key(field);
      switch (key) {
        case "src", "source" -> source = KeyValue.value(field);
        case "dst", "target", "destination" -> target = KeyValue.value(field);
        case "opt", "option" -> KeyValue.option(FLAG, value, KeyValue.value(field), options);
        default -> {
          if (i != 0 || field.isEmpty()) {
            throw error(value, "'" + field + "' is not src=, dst= or opt=");
          }
          String[] uriAndTarget = splitTarget(field);
          source = uriAndTarget[0];
          target = uriAndTarget[1];
        }
      }
    }
    if (source.isBlank()) {
      throw error(value, "no source URI");
    }
    if (target.isBlank()) {
      target = DEFAULT_TARGET;
    }
    return new InputSource(sourceSpec(value, source, options), source, target);
  }

  /** The last colon after the scheme splits off a destination, if what follows is a path. */
  static String[] splitTarget(String field) {
    int schemeEnd = field.indexOf("://");
    int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int colon = field.lastIndexOf(':');
    if (colon >= from && colon + 1 < field.length() && field.charAt(colon + 1) == '/') {
      return new String[] {field.substring(0, colon), field.substring(colon + 1)};
    }
    return new String[] {field, ""};
  }

  private static SpecConfig sourceSpec(String flag, String uri, Map<String, String> options) {
    int schemeEnd = uri.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String rest = schemeEnd < 0 ? uri : uri.substring(schemeEnd + 3);
    return switch (scheme) {
      case "ipfs" -> noOptions(flag, options, SpecConfig.of("ipfs", Map.of("CID", rest)));
      case "http", "https" ->
          noOptions(flag, options, SpecConfig.of("urlDownload", Map.of("URL", uri)));
      case "s3" -> S3Input.spec(flag, rest, options);
      case "file" -> localSpec(flag, rest, options);
      case "git", "gitlfs" -> throw error(flag, "unsupported type '" + scheme + "'");
      default ->
          throw error(flag, "unknown storage schema '" + (scheme.isEmpty() ? uri : scheme) + "'");
    };
  }

  private static SpecConfig localSpec(String flag, String path, Map<String, String> options) {
    boolean readWrite = false;
    for (Map.Entry<String, String> o : options.entrySet()) {
      switch (o.getKey().toLowerCase(Locale.ROOT)) {
        case "rw", "read-write", "read_write", "readwrite" ->
            readWrite = KeyValue.bool(FLAG, flag, o.getKey(), o.getValue());
        default -> throw error(flag, "unknown option '" + o.getKey() + "' for file:// (valid: rw)");
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("SourcePath", path);
    params.put("ReadWrite", readWrite);
    return SpecConfig.of("local", params);
  }

  private static SpecConfig noOptions(String flag, Map<String, String> options, SpecConfig spec) {
    if (!options.isEmpty()) {
      throw error(flag, "the " + spec.type() + " source takes no options, got " + options.keySet());
    }
    return spec;
  }

  static UsageException error(String value, String problem) {
    return new UsageException(FLAG + " '" + value + "': " + problem, HINT);
  }
}
