package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which listed objects a prefix or wildcard input reads: not folder markers, and only matches of
 * Filter.
 */
final class S3Selection {
  private S3Selection() {}

  static List<String> select(S3Source source, List<S3Storage.Listed> listed) {
    String prefix = source.listPrefix();
    List<String> keys = new ArrayList<>();
    for (S3Storage.Listed object : listed) {
      String key = object.key();
      if (key.endsWith("/") || !key.startsWith(prefix)) {
        continue;
      }
      String remainder = key.substring(prefix.length());
      if (source.filter() != null && !source.filter().matcher(remainder).find()) {
        continue;
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw BacalhauException.builder(
              ErrorCode.NOT_FOUND,
              "no objects under s3://"
                  + source.bucket()
                  + "/"
                  + source.key()
                  + (source.filter() == null ? "" : " match Filter '" + source.filter() + "'"))
          .component(S3InputSource.COMPONENT)
          .hint(
              "Check the Key prefix and Filter; 'aws s3 ls s3://"
                  + source.bucket()
                  + "/"
                  + prefix
                  + "' lists what is there.")
          .detail("S3Code", "NoSuchKey")
          .failsExecution(true)
          .build();
    }
    return keys;
  }
}
