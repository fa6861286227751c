package io.bacalhau.transport.nats.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The calls that arrived at one end, in order, waited for without polling. */
public class Recorder {
  private final LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  protected void record(Call call) {
    calls.add(call);
  }

  public Call next(Duration timeout) throws InterruptedException {
    Call call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(call, "no call arrived within " + timeout);
    return call;
  }

  public List<Call> take(int n, Duration timeout) throws InterruptedException {
    List<Call> taken = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      taken.add(next(timeout));
    }
    return taken;
  }

  /** Asserts that nothing more arrives within {@code quiet}. */
  public void assertNoMore(Duration quiet) throws InterruptedException {
    Call extra = calls.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(null, extra, "an unexpected call arrived");
  }
}
