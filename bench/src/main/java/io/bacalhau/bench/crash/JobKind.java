package io.bacalhau.bench.crash;

import java.util.Base64;

/**
 * The engines the harness submits to, each job printing a token of its own so that its published
 * stdout can be told from any other job's.
 */
enum JobKind {
  NOOP,
  WASM,
  DOCKER;

  /** The hello example module of the WASM engine: prints {@code arg 1: <token>}. */
  private static String wasmDataUrl;

  static void useWasmModule(byte[] module) {
    wasmDataUrl = "data:application/wasm;base64," + Base64.getEncoder().encodeToString(module);
  }

  /** A Count-1 batch job; {@code sleepMillis} keeps it running long enough to be killed under. */
  String job(String token, boolean publish, int sleepMillis) {
    String publisher = publish ? "{\"Type\": \"local\"}" : "{\"Type\": \"noop\"}";
    String task =
        switch (this) {
          case NOOP ->
              "\"Engine\": {\"Type\": \"noop\", \"Params\": {\"Stdout\": \"%s\\n\", \"SleepMillis\": %d}}"
                  .formatted(token, sleepMillis);
          case WASM ->
              ("\"Engine\": {\"Type\": \"wasm\", \"Params\": {\"EntryModule\": \"/wasm/hello.wasm\","
                      + " \"Parameters\": [\"%s\"]}}, \"InputSources\": [{\"Source\": {\"Type\":"
                      + " \"inline\", \"Params\": {\"URL\": \"%s\"}}, \"Target\":"
                      + " \"/wasm/hello.wasm\"}]")
                  .formatted(token, wasmDataUrl);
          case DOCKER ->
              ("\"Engine\": {\"Type\": \"docker\", \"Params\": {\"Image\": \"busybox:latest\","
                      + " \"Entrypoint\": [\"sh\", \"-c\", \"sleep %s; echo %s\"]}}")
                  .formatted(sleepMillis / 1000.0, token);
        };
    return ("{\"Name\": \"crash-%s\", \"Type\": \"batch\", \"Count\": 1, \"Tasks\":"
            + " [{\"Name\": \"main\", %s, \"Publisher\": %s}]}")
        .formatted(token, task, publisher);
  }

  /** The line the job's stdout holds when it ran. */
  String expectedLine(String token) {
    return this == WASM ? "arg 1: " + token : token;
  }
}
