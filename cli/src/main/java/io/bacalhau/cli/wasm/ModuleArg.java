package io.bacalhau.cli.wasm;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.run.InputFlag;
import io.bacalhau.core.builtin.inline.DataUrl;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.SpecConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A module named on the command line, resolved as Bacalhau does: a storage URI ({@code s3://...},
 * {@code https://...}, optional {@code :target}) becomes an input; a local file ({@code
 * path[:target]}) is sent inline as a {@code data:} URL; anything else is the target path of an
 * input the job already has.
 *
 * @param target what the engine params name
 * @param input the input carrying the module, if the argument brought one
 */
record ModuleArg(String target, Optional<InputSource> input) {
  static final String DEFAULT_URI_TARGET = "main.wasm";

  /** Inline inputs travel inside the job spec; a bigger module belongs in storage. */
  static final long MAX_INLINE_BYTES = 64L * 1024 * 1024;

  /**
   * @param flag how errors name the argument, e.g. {@code ENTRY-MODULE} or {@code --import-modules}
   * @param targetRequired whether a URI or file must say where it goes
   */
  static ModuleArg parse(String value, String flag, boolean targetRequired, Path workingDir) {
    if (value.contains("://")) {
      String[] split = splitTarget(value, value.indexOf("://") + 3);
      if (split[1].isEmpty() && targetRequired) {
        throw missingTarget(value, flag);
      }
      String target = split[1].isEmpty() ? DEFAULT_URI_TARGET : split[1];
      InputSource input = InputFlag.parse("src=" + split[0] + ",dst=" + target);
      return new ModuleArg(target, Optional.of(input));
    }
    Path whole = workingDir.resolve(value);
    String[] split = Files.isRegularFile(whole) ? new String[] {value, ""} : splitTarget(value, 0);
    Path file = workingDir.resolve(split[0]);
    if (!Files.isRegularFile(file)) {
      return new ModuleArg(value, Optional.empty());
    }
    if (split[1].isEmpty() && targetRequired) {
      throw missingTarget(value, flag);
    }
    String target = split[1].isEmpty() ? file.getFileName().toString() : split[1];
    return new ModuleArg(target, Optional.of(inline(file, target, flag)));
  }

  private static InputSource inline(Path file, String target, String flag) {
    try {
      long size = Files.size(file);
      if (size > MAX_INLINE_BYTES) {
        throw new UsageException(
            flag
                + " '"
                + file
                + "' is "
                + size
                + " bytes; a local module may be at most "
                + MAX_INLINE_BYTES
                + " bytes",
            "Put it in storage (s3://, https://) and pass its URI instead.");
      }
      String url = DataUrl.encode(Files.readAllBytes(file));
      return new InputSource(SpecConfig.of("inline", Map.of("URL", url)), "", target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + flag + " '" + file + "'", e);
    }
  }

  /** The last colon splits off a target when what follows is a path or a .wasm name. */
  private static String[] splitTarget(String value, int from) {
    int colon = value.lastIndexOf(':');
    if (colon >= from && colon + 1 < value.length()) {
      String rest = value.substring(colon + 1);
      if (rest.startsWith("/") || (!rest.contains("/") && rest.endsWith(".wasm"))) {
        return new String[] {value.substring(0, colon), rest};
      }
    }
    return new String[] {value, ""};
  }

  private static UsageException missingTarget(String value, String flag) {
    return new UsageException(
        flag + " '" + value + "': a module given as a file or URI needs a :target",
        "For example -I ./lib.wasm:/modules/lib.wasm");
  }
}
