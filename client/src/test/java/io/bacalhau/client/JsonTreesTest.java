package io.bacalhau.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.codec.Codecs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers read without an ObjectMapper give the trees the mapper's readTree gives. */
class JsonTreesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "\"text\"",
        "42",
        "null",
        "{\"Items\":[{\"ID\":\"j-1\",\"Count\":1,\"Meta\":{}},{\"ID\":\"j-2\",\"Labels\":null}]}",
        "{\"Int\":2147483647,\"Long\":2147483648,\"Big\":123456789012345678901234567890}",
        "{\"Neg\":-5,\"Frac\":0.25,\"Exp\":1e300,\"True\":true,\"False\":false}",
        "{\"Nested\":[[1,[2,[3,{\"Deep\":[]}]]],{}],\"Unicode\":\"caf\\u00e9 \\\"q\\\"\"}",
        "{\"Same\":1,\"Same\":2}",
        "  {\"Spaces\" :  [ 1 , 2 ] }  "
      })
  void readsTheTreeTheMapperReads(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertEquals(Codecs.json().readTree(bytes), JsonTrees.read(bytes), json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void anEmptyAnswerIsAnEmptyObject(String json) throws IOException {
    assertEquals(
        Codecs.json().createObjectNode(), JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":", "<html>502</html>", "{} {}", "[1,2"})
  void aBrokenAnswerIsAnError(String json) {
    assertThrows(IOException.class, () -> JsonTrees.read(json.getBytes(StandardCharsets.UTF_8)));
  }
}
