package io.bacalhau.plugins.ipfs.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer targets for CIDs as users write them ({@code -i ipfs://CID}, a spec's {@code CID} param)
 * and for the multibase codecs under them. "Clear" here: an IllegalArgumentException whose message
 * quotes the text and says it is no (valid) CID, or names the bad character. A CID that parses
 * prints in its canonical form, which parses back to the same CID.
 */
class CidFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyTextIsACidOrIsRefusedQuotingIt(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Cid cid;
    try {
      cid = Cid.parse(text);
    } catch (IllegalArgumentException e) {
      assertTrue(
          e.getMessage() != null && e.getMessage().startsWith("'" + text + "' is not"),
          () -> "unclear refusal of '" + text + "': " + e.getMessage());
      return;
    }
    String canonical = cid.toString();
    assertEquals(cid, Cid.parse(canonical), canonical);
    assertEquals(canonical, Cid.parse(canonical).toString());
  }

  @FuzzTest(maxDuration = "30s")
  void multibaseDecodesWhatItEncodesAndRefusesOtherCharacters(byte[] input) {
    assertArrayEquals(input, Multibase.decodeBase32(Multibase.base32(input)));
    assertArrayEquals(input, Multibase.decodeBase58btc(Multibase.base58btc(input)));
    String text = new String(input, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 2; i++) {
      try {
        if (i == 0) {
          Multibase.decodeBase32(text);
        } else {
          Multibase.decodeBase58btc(text);
        }
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage().contains("is not a base"), e.getMessage());
      }
    }
  }
}
