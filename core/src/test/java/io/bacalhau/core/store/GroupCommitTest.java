package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writes share commits, each still stands or fails alone, and a write is on disk before
 * it returns.
 */
class GroupCommitTest {
  @TempDir Path dir;

  /** Each write was its own transaction and its own fsync: about 3.2 commits per job. */
  @Test
  void writesQueuedDuringACommitShareTheNextOne() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      CountDownLatch holding = new CountDownLatch(1);
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(
              () ->
                  store.writeVoid(
                      tx -> {
                        tx.registerInstance("first", 1, 1, 1);
                        holding.countDown();
                        sleep(Duration.ofMillis(500)); // the others queue meanwhile
                      }));
      holding.await();
      List<CompletableFuture<Void>> others = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        String id = "other-" + i;
        others.add(
            CompletableFuture.runAsync(
                () -> store.writeVoid(tx -> tx.registerInstance(id, 1, 1, 1)),
                Thread::startVirtualThread));
      }
      first.join();
      others.forEach(CompletableFuture::join);
      JobStore.Stats stats = store.stats();
      assertEquals(8, stats.writes());
      assertTrue(stats.commits() <= 2, "8 writes took " + stats.commits() + " commits");
      for (int i = 0; i < 7; i++) {
        assertTrue(InstanceRegistrations.isRegistered(store, "other-" + i));
      }
    }
  }

  @Test
  void aWriteThatFailsIsUndoneAloneAndOnlyItsCallerSeesTheError() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      CountDownLatch holding = new CountDownLatch(1);
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(
              () ->
                  store.writeVoid(
                      tx -> {
                        holding.countDown();
                        sleep(Duration.ofMillis(300));
                      }));
      holding.await();
      CompletableFuture<Void> failing =
          CompletableFuture.runAsync(
              () ->
                  store.writeVoid(
                      tx -> {
                        tx.registerInstance("undone", 1, 1, 1);
                        throw new IllegalArgumentException("refused");
                      }));
      CompletableFuture<Void> fine =
          CompletableFuture.runAsync(
              () -> store.writeVoid(tx -> tx.registerInstance("kept", 1, 1, 1)));
      first.join();
      fine.join();
      Exception e = assertThrows(Exception.class, failing::join);
      assertEquals("refused", e.getCause().getMessage());
      assertTrue(InstanceRegistrations.isRegistered(store, "kept"));
      assertFalse(InstanceRegistrations.isRegistered(store, "undone"));
    }
  }

  /**
   * When a batch broke beyond one savepoint (here a write ends the transaction itself), the writes
   * after it in the batch were never run, yet their callers returned as if stored.
   */
  @Test
  void whenTheBatchCannotCommitEveryWriteInItFails() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      CountDownLatch holding = new CountDownLatch(1);
      CompletableFuture<Void> first =
          CompletableFuture.runAsync(
              () ->
                  store.writeVoid(
                      tx -> {
                        holding.countDown();
                        sleep(Duration.ofMillis(300));
                      }));
      holding.await();
      CompletableFuture<Void> breaking =
          CompletableFuture.runAsync(
              () ->
                  store.writeVoid(
                      tx -> {
                        try {
                          tx.prepare("ROLLBACK").execute();
                        } catch (java.sql.SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      }));
      sleep(Duration.ofMillis(50)); // queued after the breaking one
      CompletableFuture<Void> after =
          CompletableFuture.runAsync(
              () -> store.writeVoid(tx -> tx.registerInstance("after", 1, 1, 1)));
      first.join();
      assertThrows(Exception.class, breaking::join);
      boolean failed = after.handle((ok, e) -> e != null).join();
      assertTrue(
          failed || InstanceRegistrations.isRegistered(store, "after"),
          "the write returned as if stored, but is not");
    }
  }

  /**
   * {@code synchronous=NORMAL} alone only wrote the log: a power cut could lose a job the user was
   * told was submitted.
   */
  @Test
  void aWriteReturnsOnlyAfterTheLogIsFsyncedAndTheNodesOwnProgressDoesNotWaitForTheDisk()
      throws Exception {
    Path db = dir.resolve("jobs.db");
    try (JobStore store = JobStore.open(db);
        Recording recording = new Recording()) {
      recording.enable("jdk.FileForce").withThreshold(Duration.ZERO);
      recording.start();
      store.writeVoid(tx -> tx.registerInstance("durable", 1, 1, 1));
      recording.stop();
      assertEquals(1, fsyncsOf(recording, db.toString() + "-wal"));

      try (Recording progress = new Recording()) {
        progress.enable("jdk.FileForce").withThreshold(Duration.ZERO);
        progress.start();
        store.update(tx -> tx.registerInstance("progress", 1, 1, 1));
        progress.stop();
        assertEquals(0, fsyncsOf(progress, db.toString() + "-wal"));
      }
    }
  }

  private long fsyncsOf(Recording recording, String path) throws Exception {
    Path dump = dir.resolve("recording-" + System.nanoTime() + ".jfr");
    recording.dump(dump);
    return RecordingFile.readAllEvents(dump).stream()
        .filter(e -> e.getEventType().getName().equals("jdk.FileForce"))
        .map((RecordedEvent e) -> e.getString("path"))
        .filter(path::equals)
        .count();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
