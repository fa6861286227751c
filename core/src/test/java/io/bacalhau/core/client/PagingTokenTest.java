package io.bacalhau.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagingTokenTest {

  @Test
  void encodesAsGoBacalhauDoes() {
    // Bacalhau's own test vector: created_at, reversed, limit 10, offset 10.
    assertEquals("Y3JlYXRlZF9hdDpZOjEwOjEw", new PagingToken("created_at", true, 10, 10).encode());
    assertEquals(
        Optional.of(new PagingToken("created_at", true, 10, 10)),
        PagingToken.decode("Y3JlYXRlZF9hdDpZOjEwOjEw"));
  }

  @Test
  void whatWasNeverATokenDecodesToNothing() {
    assertTrue(PagingToken.decode("2").isEmpty(), "the numbers our server once handed out");
    assertTrue(PagingToken.decode("abc").isEmpty());
    assertTrue(PagingToken.decode("").isEmpty());
    assertTrue(PagingToken.decode("OjpZOjE6LTE").isEmpty(), "a negative offset (::Y:1:-1)");
  }

  @Test
  void anyTextDecodesToATokenOrNothingAndTokensRoundTrip() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(text -> PagingToken.decode(text));
    qt().forAll(
            strings().basicLatinAlphabet().ofLengthBetween(0, 12).map(s -> s.replace(":", "")),
            booleans().all(),
            integers().between(0, 1000),
            integers().between(0, Integer.MAX_VALUE))
        .checkAssert(
            (sort, reverse, limit, offset) -> {
              PagingToken t = new PagingToken(sort, reverse, limit, offset);
              assertEquals(Optional.of(t), PagingToken.decode(t.encode()));
            });
  }

  @Test
  void aHistoryTokenStartsAtTheEntryAfterTheLastOneShown() {
    PagingToken forward = PagingToken.afterSeq(5, 2, false);
    assertEquals(6, forward.offset(), "Bacalhau's offset: the first sequence number to read");
    assertEquals(5, forward.afterSeq());
    PagingToken backward = PagingToken.afterSeq(5, 2, true);
    assertEquals(4, backward.offset());
    assertEquals(5, backward.afterSeq());
    assertEquals(0, PagingToken.afterSeq(0, 2, false).afterSeq(), "the first page");
  }
}
