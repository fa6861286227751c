package io.bacalhau.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.codec.Codecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The records' copies of their collections: taken once, unchangeable, shared when rebuilt. */
class ImmutablesTest {
  @Test
  void aCopyDoesNotFollowItsSourceAndCannotBeChanged() {
    List<String> source = new ArrayList<>(Arrays.asList("b", null, "a"));
    List<String> copy = Immutables.list(source);
    source.set(0, "x");
    assertEquals(Arrays.asList("b", null, "a"), copy);
    assertEquals(Arrays.asList("b", null, "a").hashCode(), copy.hashCode());
    assertEquals("[b, null, a]", copy.toString());
    assertThrows(UnsupportedOperationException.class, () -> copy.add("c"));
    assertThrows(UnsupportedOperationException.class, () -> copy.set(0, "c"));
    var items = copy.iterator();
    items.next();
    assertThrows(UnsupportedOperationException.class, items::remove);

    Map<String, String> m = new LinkedHashMap<>();
    m.put("z", "1");
    m.put("a", "2");
    Map<String, String> frozen = Immutables.map(m);
    m.put("q", "3");
    assertEquals(Map.of("z", "1", "a", "2"), frozen);
    assertEquals(List.of("z", "a"), List.copyOf(frozen.keySet()));
    assertEquals("{z=1, a=2}", frozen.toString());
    assertThrows(UnsupportedOperationException.class, () -> frozen.put("b", "1"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.remove("z"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.entrySet().clear());
    assertThrows(
        UnsupportedOperationException.class,
        () -> frozen.entrySet().iterator().next().setValue(""));
    assertThrows(UnsupportedOperationException.class, () -> frozen.computeIfAbsent("n", k -> ""));
  }

  @Test
  void aRecordRebuiltFromAnotherSharesItsCollections() {
    Job job =
        Job.builder()
            .labels(Map.of("a", "1"))
            .meta(Map.of("m", "2"))
            .tasks(List.of(Task.builder().name("main").build()))
            .build();
    Job renamed = job.toBuilder().name("other").build();
    assertSame(job.labels(), renamed.labels());
    assertSame(job.meta(), renamed.meta());
    assertSame(job.tasks(), renamed.tasks());
  }

  @Test
  void copiesAreWrittenAsJsonAsTheirSourcesAre() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", List.of(1, 2));
    m.put("a", "x");
    assertEquals(
        Codecs.json().writeValueAsString(m), Codecs.json().writeValueAsString(Immutables.map(m)));
    assertEquals(
        Codecs.yaml().writeValueAsString(m), Codecs.yaml().writeValueAsString(Immutables.map(m)));
    List<Object> l = Arrays.asList("a", null, 3);
    assertEquals(
        Codecs.json().writeValueAsString(l), Codecs.json().writeValueAsString(Immutables.list(l)));
  }
}
