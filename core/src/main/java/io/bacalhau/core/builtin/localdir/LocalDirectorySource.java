package io.bacalhau.core.builtin.localdir;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Mounts a host path in place (nothing is copied), only under an allow-listed folder: read-only
 * unless the spec asks for {@code ReadWrite} and the allow-list entry says {@code :rw}. A missing
 * path is created only when {@code CreateAs} is {@code dir} or {@code file} and it is read-write.
 */
final class LocalDirectorySource implements InputSourceProvider {
  private final AllowList allowList;

  LocalDirectorySource(AllowList allowList) {
    this.allowList = allowList;
  }

  @Override
  public void validate(SpecConfig source) {
    check(source);
  }

  /** An allow-listed path is on this node by definition; one that is not cannot be used. */
  @Override
  public boolean isLocal(SpecConfig source) {
    try {
      check(source);
      return true;
    } catch (BacalhauException e) {
      return false;
    }
  }

  @Override
  public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) throws Exception {
    SpecConfig source = request.input().source();
    Path path = check(source);
    boolean rw = readWrite(source);
    if (!Files.exists(path)) {
      switch (createAs(source)) {
        case "dir" -> Files.createDirectories(path);
        case "file" -> {
          Files.createDirectories(path.getParent());
          Files.createFile(path);
        }
        default ->
            throw error(
                ErrorCode.NOT_FOUND,
                "SourcePath '" + path + "' does not exist",
                "Create it first, or set CreateAs: dir|file with ReadWrite: true.");
      }
    }
    return new PreparedInput(request.input(), path, request.input().target(), rw);
  }

  private Path check(SpecConfig source) {
    Object raw = source.param("SourcePath");
    if (raw == null
        || String.valueOf(raw).isBlank()
        || !Path.of(String.valueOf(raw)).isAbsolute()) {
      throw error(
          ErrorCode.VALIDATION_ERROR,
          "InputSources.Source.Params.SourcePath: expected an absolute host path, got '"
              + raw
              + "'",
          null);
    }
    Path path = Path.of(String.valueOf(raw)).normalize();
    AllowList.Entry entry =
        allowList
            .covering(path)
            .orElseThrow(
                () ->
                    error(
                        ErrorCode.FORBIDDEN,
                        "SourcePath '" + path + "' is not under Compute.AllowListedLocalPaths",
                        "Allow it with: bacalhau config set Compute.AllowListedLocalPaths="
                            + path
                            + ":ro"));
    if (readWrite(source) && !entry.readWrite()) {
      throw error(
          ErrorCode.FORBIDDEN,
          "SourcePath '" + path + "' is allow-listed read-only; ReadWrite was asked for",
          "Allow-list it as " + entry.folder() + ":rw, or drop ReadWrite.");
    }
    if (!Files.exists(path) && !createAs(source).equals("nocreate") && !readWrite(source)) {
      throw error(
          ErrorCode.VALIDATION_ERROR,
          "SourcePath '" + path + "' can only be created (CreateAs) when ReadWrite is true",
          null);
    }
    return path;
  }

  private static boolean readWrite(SpecConfig source) {
    Object rw = source.param("ReadWrite");
    return rw instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(rw).strip());
  }

  private static String createAs(SpecConfig source) {
    Object v = source.param("CreateAs");
    String s = v == null ? "nocreate" : String.valueOf(v).strip().toLowerCase(Locale.ROOT);
    if (!s.equals("dir") && !s.equals("file") && !s.equals("nocreate")) {
      throw error(
          ErrorCode.VALIDATION_ERROR,
          "InputSources.Source.Params.CreateAs: expected dir, file or noCreate, got '" + v + "'",
          null);
    }
    return s;
  }

  private static BacalhauException error(ErrorCode code, String message, String hint) {
    return BacalhauException.builder(code, message)
        .component("LocalStorage")
        .hint(hint)
        .failsExecution(true)
        .build();
  }
}
