package io.bacalhau.plugins.ipfs.cid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-known CIDs that every IPFS implementation agrees on, and the codecs under them. */
class CidTest {
  @TempDir Path dir;

  private static Cid v0(String text) throws Exception {
    return UnixFs.v0().cid(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Cid v1(String text) throws Exception {
    return UnixFs.v1().cid(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void knownFileCids() throws Exception {
    assertEquals("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", v0("").toString());
    assertEquals("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", v0("hello world\n").toString());
    assertEquals(
        "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
        v1("hello world\n").toString());
    assertEquals("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", v1("").toString());
  }

  /**
   * 175 chunks and a byte: more leaves than one node may link (174), so the tree has two levels.
   * The expected CIDs are what a js-ipfs 0.66.1 node answered for the same bytes.
   */
  @Test
  void aFileOfMoreThan174ChunksGetsATwoLevelTreeAsTheNodeBuildsIt() throws Exception {
    int size = 175 * UnixFs.CHUNK_SIZE + 1;
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i % 251);
    }
    assertEquals(
        "QmfSNfmSo1Gg885jm8qFWAEe14nkjYc7bXgXjuvKWjVoKw",
        UnixFs.v0().cid(new ByteArrayInputStream(data)).toString());
    assertEquals(
        "bafybeihzhgkxa5ea4r5cr73r73tsf3ppwpstcxnsuyqxio3vy7xpikkhmi",
        UnixFs.v1().cid(new ByteArrayInputStream(data)).toString());
  }

  @Test
  void emptyFolderIsTheWellKnownEmptyDirectory() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(
        "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", UnixFs.v0().cid(empty).toString());
  }

  @Test
  void parseGivesBackTheSameCid() {
    for (String text :
        new String[] {
          "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",
          "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
          "bafybeic2x2ueg3akfbh57yhfs6tj5qujkg4yk7qhdpnuxxnvk4s67ntb7q"
        }) {
      assertEquals(text, Cid.parse(text).toString());
    }
    assertEquals(
        Cid.RAW, Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4").codec());
  }

  @Test
  void malformedCidsAreRejectedWithTheReason() {
    for (String bad :
        new String[] {
          "", "hello", "Qm0000000000000000000000000000000000000000000000", "bafy!!!", "zb2rh"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Cid.parse(bad));
      assertTrue(e.getMessage().contains("CID"), e.getMessage());
    }
  }

  @Test
  void codecsRoundTripArbitraryBytes() {
    Random random = new Random(1);
    for (int i = 0; i < 300; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (i % 7 == 0 && bytes.length > 2) {
        bytes[0] = 0; // leading zeros are base58's special case
        bytes[1] = 0;
      }
      assertArrayEquals(bytes, Multibase.decodeBase58btc(Multibase.base58btc(bytes)));
      assertArrayEquals(bytes, Multibase.decodeBase32(Multibase.base32(bytes)));
    }
  }

  @Test
  void varintsUseSevenBitGroups() {
    assertArrayEquals(new byte[] {0x01}, Protobuf.varint(1));
    assertArrayEquals(new byte[] {(byte) 0x80, 0x01}, Protobuf.varint(128));
    assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x80, 0x10}, Protobuf.varint(262144));
  }
}
