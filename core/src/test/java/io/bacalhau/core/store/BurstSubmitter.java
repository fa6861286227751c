package io.bacalhau.core.store;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Path;
import java.util.Map;

/**
 * A node process for {@link GroupCommitCrashTest}: threads that submit noop jobs as fast as the
 * node acknowledges them, printing {@code ACK <job id>} for each acknowledged one, until killed.
 */
public final class BurstSubmitter {
  private BurstSubmitter() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir);
    client.startWorking();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread.ofPlatform()
          .start(
              () -> {
                for (int i = 0; ; i++) {
                  Map<String, Object> params = Map.of("SleepMillis", i % 3 == 0 ? 50 : 0);
                  String id =
                      client
                          .submit(
                              EmbeddedNodeTestSupport.noopJob("burst-" + thread + "-" + i, params),
                              false)
                          .jobId();
                  synchronized (System.out) {
                    System.out.println("ACK " + id);
                    System.out.flush();
                  }
                }
              });
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
