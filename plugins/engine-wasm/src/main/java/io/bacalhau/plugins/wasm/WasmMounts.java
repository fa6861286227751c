package io.bacalhau.plugins.wasm;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the module may touch: each input read-only (unless it says read-write) at its target, and
 * each result folder writable at {@code /<Name>} as Bacalhau's WASM executor mounts it (and also at
 * its {@code Path}, where a Docker task would write it). Nothing else of the host is visible.
 */
final class WasmMounts {
  private final List<Mount> mounts;

  private WasmMounts(List<Mount> mounts) {
    this.mounts = List.copyOf(mounts);
  }

  static WasmMounts of(RunRequest request) {
    Map<String, Mount> byGuest = new LinkedHashMap<>();
    for (PreparedInput input : request.inputs()) {
      String guest = guestPath(input.target());
      if (byGuest.putIfAbsent(guest, new Mount(guest, input.hostPath(), input.readWrite()))
          != null) {
        throw invalid("two inputs have the target " + guest);
      }
    }
    List<Mount> results = new ArrayList<>();
    for (ResultPath rp : request.resultPaths()) {
      // Checked again here: an engine must not trust that every spec it runs was validated.
      Path host = SafePaths.child(request.resultsDir(), rp.name(), "result path name");
      for (String guest : resultGuests(rp)) {
        if (byGuest.containsKey(guest) && !byGuest.get(guest).host().equals(host)) {
          throw invalid(
              "result path '"
                  + rp.name()
                  + "' would be mounted at "
                  + guest
                  + ", where an input already is; give the output a different name");
        }
        byGuest.put(guest, new Mount(guest, host, true));
      }
    }
    results.addAll(byGuest.values());
    return new WasmMounts(results);
  }

  private static List<String> resultGuests(ResultPath rp) {
    String byName = guestPath(rp.name());
    if (rp.path().isBlank() || guestPath(rp.path()).equals(byName)) {
      return List.of(byName);
    }
    return List.of(byName, guestPath(rp.path()));
  }

  List<Mount> all() {
    return mounts;
  }

  /**
   * The module file at a guest path: a file, or a folder holding exactly one {@code .wasm} file.
   *
   * @param param the param naming it, for errors
   */
  ModuleSource module(String guest, String param) {
    String path = guestPath(guest);
    Path host =
        hostOf(path)
            .orElseThrow(
                () ->
                    invalid(
                        param
                            + " '"
                            + guest
                            + "' is not inside any input; add an input with that target"));
    if (!Files.exists(host)) {
      throw invalid(param + " '" + guest + "' does not exist in its input");
    }
    if (Files.isDirectory(host)) {
      List<Path> wasm;
      try (var files = Files.list(host)) {
        wasm = files.filter(f -> f.toString().endsWith(".wasm") && Files.isRegularFile(f)).toList();
      } catch (IOException e) {
        throw invalid(param + " '" + guest + "' cannot be listed: " + e.getMessage());
      }
      if (wasm.size() != 1) {
        throw invalid(
            param
                + " '"
                + guest
                + "' is a folder with "
                + wasm.size()
                + " .wasm files; it must hold exactly one");
      }
      return new ModuleSource(path + "/" + wasm.getFirst().getFileName(), wasm.getFirst());
    }
    return new ModuleSource(path, host);
  }

  /** A module for an import name no ImportModules entry provides: {@code /<name>[.wasm]}. */
  Optional<ModuleSource> moduleNamed(String name) {
    for (String candidate : List.of(name, name + ".wasm")) {
      Optional<Path> host = hostOf(guestPath(candidate));
      if (host.isPresent() && Files.isRegularFile(host.get())) {
        return Optional.of(new ModuleSource(guestPath(candidate), host.get()));
      }
    }
    return Optional.empty();
  }

  /** The host path of a guest path, only if it stays inside its mount once links are resolved. */
  private Optional<Path> hostOf(String guest) {
    Mount best = null;
    for (Mount m : mounts) {
      boolean under =
          guest.equals(m.guestPath())
              || guest.startsWith(m.guestPath().equals("/") ? "/" : m.guestPath() + "/");
      if (under && (best == null || m.guestPath().length() > best.guestPath().length())) {
        best = m;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    String rest = guest.substring(best.guestPath().length()).replaceFirst("^/+", "");
    Path host = rest.isEmpty() ? best.host() : best.host().resolve(rest).normalize();
    try {
      Path root = best.host().toRealPath();
      if (Files.exists(host) && !host.toRealPath().startsWith(root)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return host.startsWith(best.host()) ? Optional.of(host) : Optional.empty();
  }

  /** Absolute and normalized: {@code main.wasm} and {@code /main.wasm} are the same target. */
  static String guestPath(String target) {
    String normalized = Path.of("/").resolve(target.strip()).normalize().toString();
    return normalized.isEmpty() ? "/" : normalized;
  }

  private static BacalhauException invalid(String message) {
    return BacalhauException.builder(ErrorCode.EXECUTOR_SPEC_VALIDATION_ERR, message)
        .component("Executor")
        .failsExecution(true)
        .build();
  }
}
