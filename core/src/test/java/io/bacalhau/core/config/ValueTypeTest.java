package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each value type accepts from the command line, and what it says when it does not. */
class ValueTypeTest {

  @ParameterizedTest(name = "{0} accepts ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "STRING   | anything at all | anything at all",
        "BOOL     | true            | true",
        "BOOL     | TRUE            | true",
        "BOOL     | yes             | true",
        "BOOL     | 0               | false",
        "INT      | 4321            | 4321",
        "INT      | -1              | -1",
        "DURATION | 30s             | 30s",
        "DURATION | 1h30m           | 1h30m",
        "DURATION | 250ms           | 250ms",
        "DURATION | 0               | 0",
        "QUANTITY | 500m            | 500m",
        "QUANTITY | 80%             | 80%",
        "QUANTITY | 4Gb             | 4Gb",
        "QUANTITY | 4gb             | 4gb",
        "QUANTITY | 2Gi             | 2Gi",
        "QUANTITY | 1.5             | 1.5",
        "LIST     | a,b             | [a, b]",
        "LIST     | ' a , b ,'      | [a, b]",
        "MAP      | k=v,k2=v2       | {k=v, k2=v2}",
        "MAP      | url=http://x?a=b | {url=http://x?a=b}",
      })
  void acceptsWhatUsersType(ValueType type, String text, String expected) {
    assertEquals(expected, String.valueOf(type.fromText("Some.Key", text)));
  }

  @ParameterizedTest(name = "{0} refuses ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "BOOL     | maybe  | 'maybe' is not true or false",
        "INT      | 12x    | '12x' is not a whole number like 1234",
        "INT      | 1.5    | '1.5' is not a whole number like 1234",
        "DURATION | 30     | '30' is not a duration like 30s, 5m or 1h30m",
        "DURATION | soon   | 'soon' is not a duration like 30s, 5m or 1h30m",
        "QUANTITY | lots   | 'lots' is not an amount like 500m, 2, 4Gb or a share like 80%",
        "QUANTITY | 4 apples | '4 apples' is not an amount like 500m, 2, 4Gb or a share like 80%",
        "MAP      | novalue | 'novalue' is not key=value pairs like a=1,b=2",
        "MAP      | =v     | '=v' is not key=value pairs like a=1,b=2",
        "OBJECT   | x      | 'x' is not a structured value; set it in the config file",
      })
  void refusesWithKeyValueAndExpectedType(ValueType type, String text, String reason) {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> type.fromText("Some.Key", text));
    assertEquals("config key Some.Key: " + reason, e.getMessage());
    assertTrue(e.details().containsKey(ConfigProblems.USAGE), "a typing mistake is a usage error");
  }

  @Test
  void intOutsideThirtyTwoBitsStaysExact() {
    assertEquals(8_000_000_000L, ValueType.INT.fromText("K", "8000000000"));
  }

  @Test
  void filesMayUseYamlsOwnShapes() {
    assertEquals(List.of("a", "1"), ValueType.LIST.fromFile("K", List.of("a", 1)));
    assertEquals(Map.of("a", "1"), ValueType.MAP.fromFile("K", Map.of("a", 1)));
    assertEquals(Boolean.TRUE, ValueType.BOOL.fromFile("K", true));
    assertEquals(7, ValueType.INT.fromFile("K", 7));
    assertThrows(BacalhauException.class, () -> ValueType.INT.fromFile("K", 1.5));
    assertThrows(BacalhauException.class, () -> ValueType.DURATION.fromFile("K", "forever"));
  }
}
