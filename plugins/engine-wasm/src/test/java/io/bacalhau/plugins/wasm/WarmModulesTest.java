package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmModulesTest {
  @TempDir Path dir;

  @Test
  void compiledModulesStayLoadedBetweenRunsUpToTheBoundLeastRecentlyUsedFirst() throws Exception {
    ChicoryRuntime runtime = new ChicoryRuntime(null, 2);
    ModuleSource noop = module("noop.wasm");
    ModuleSource loop = module("loop.wasm");
    ModuleSource trap = module("trap.wasm");

    ChicoryRuntime.Compiled first = runtime.load(noop);
    runtime.load(loop);
    assertSame(first, runtime.load(noop), "a warm module is neither parsed nor compiled again");
    runtime.load(trap);

    assertEquals(2, runtime.warmCount());
    assertTrue(runtime.isWarm(sha(noop)), "the module used last stays");
    assertTrue(runtime.isWarm(sha(trap)));
    assertFalse(runtime.isWarm(sha(loop)), "the least recently used module goes first");
  }

  @Test
  void aFailedLoadIsNotKeptSoTheNextAskTriesAgain() {
    WarmModules<String> warm = new WarmModules<>(4);
    assertThrows(
        IllegalStateException.class,
        () ->
            warm.get(
                "k",
                () -> {
                  throw new IllegalStateException("broken");
                }));
    assertFalse(warm.contains("k"));
    assertEquals("v", warm.get("k", () -> "v"));
  }

  @Test
  void jobsAskingForTheSameNewModuleAtOnceCompileItOnce() throws Exception {
    WarmModules<String> warm = new WarmModules<>(4);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch inLoad = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<String> got = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 4; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () ->
                      got.add(
                          warm.get(
                              "k",
                              () -> {
                                loads.incrementAndGet();
                                inLoad.countDown();
                                try {
                                  release.await();
                                } catch (InterruptedException e) {
                                  Thread.currentThread().interrupt();
                                }
                                return "compiled";
                              }))));
    }
    inLoad.await();
    release.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, loads.get());
    assertEquals(List.of("compiled", "compiled", "compiled", "compiled"), got);
  }

  private ModuleSource module(String fixture) throws Exception {
    Path host = Files.write(dir.resolve(fixture), WasmTask.fixture(fixture));
    return new ModuleSource("/" + fixture, host);
  }

  private static String sha(ModuleSource m) throws Exception {
    return Sha256.hex(Files.readAllBytes(m.host()));
  }
}
