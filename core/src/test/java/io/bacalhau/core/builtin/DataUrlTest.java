package io.bacalhau.core.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.builtin.inline.DataUrl;
import io.bacalhau.core.errors.BacalhauException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataUrlTest {
  @Test
  void smallContentIsPlainBase64AndLargeContentIsGzipped() {
    byte[] small = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] large = "0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
    assertTrue(DataUrl.encode(small).startsWith("data:;base64,"));
    String zipped = DataUrl.encode(large);
    assertTrue(zipped.startsWith("data:application/gzip;base64,"), zipped);
    assertTrue(zipped.length() < 300, "1000 repetitive bytes should compress: " + zipped.length());
    assertArrayEquals(small, DataUrl.decode(DataUrl.encode(small), 1 << 20));
    assertArrayEquals(large, DataUrl.decode(zipped, 1 << 20));
  }

  @Test
  void percentEncodedDataUrlsDecodeToo() {
    assertArrayEquals(
        "a b".getBytes(StandardCharsets.UTF_8), DataUrl.decode("data:text/plain,a%20b", 100));
  }

  @Test
  void gzipBombsStopAtTheLimit() {
    String bomb = DataUrl.encode(new byte[5_000_000]);
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> DataUrl.decode(bomb, 1_000_000));
    assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
  }

  @Test
  void notADataUrlNamesTheParam() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> DataUrl.decode("http://x/y", 100));
    assertTrue(e.getMessage().startsWith("InputSources.Source.Params.URL:"), e.getMessage());
  }
}
