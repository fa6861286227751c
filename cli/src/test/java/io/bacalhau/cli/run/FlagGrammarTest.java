package io.bacalhau.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.SpecConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The -p, -l and --constraints grammars. */
class FlagGrammarTest {

  @Test
  void publisherTypesAndS3Uri() {
    assertEquals(SpecConfig.of("ipfs"), PublisherFlag.parse("ipfs"));
    assertEquals(SpecConfig.of("local"), PublisherFlag.parse("local"));
    assertEquals(SpecConfig.of("s3managed"), PublisherFlag.parse("s3managed"));
    SpecConfig s3 =
        PublisherFlag.parse("s3://results/{jobID}/out,opt=region=eu,opt=encoding=plain");
    assertEquals("s3", s3.type());
    assertEquals("results", s3.param("Bucket"));
    assertEquals("{jobID}/out", s3.param("Key"));
    assertEquals("eu", s3.param("Region"));
    assertEquals("plain", s3.param("Encoding"));
    SpecConfig keyed = PublisherFlag.parse("target=s3,opt=bucket=b,opt=key=k");
    assertEquals("b", keyed.param("Bucket"));
    assertEquals("k", keyed.param("Key"));
  }

  @Test
  void unknownPublisherIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> PublisherFlag.parse("ftp"));
    assertTrue(e.getMessage().contains("unknown publisher type 'ftp'"), e.getMessage());
  }

  @Test
  void labelsAreKeyValueOrBareKeys() {
    assertEquals(
        Map.of("team", "ml", "canary", "", "example.com/tier", "gold"),
        LabelFlag.parse(List.of("team=ml", "canary", "example.com/tier=gold")));
    UsageException e =
        assertThrows(UsageException.class, () -> LabelFlag.parse(List.of("bad key=x")));
    assertTrue(e.getMessage().startsWith("--labels 'bad key=x'"), e.getMessage());
    assertThrows(UsageException.class, () -> LabelFlag.parse(List.of("k=-bad")));
  }

  @Test
  void everySelectorOperator() {
    List<LabelSelectorRequirement> reqs =
        SelectorFlag.parse(
            "--constraints",
            "region=eu, tier==gold,gpu!=none,zone in (a, b),arch notin (arm),ssd,!spot,cores gt 4,"
                + "mem<64");
    assertEquals(
        List.of(
            new LabelSelectorRequirement("region", "=", List.of("eu")),
            new LabelSelectorRequirement("tier", "==", List.of("gold")),
            new LabelSelectorRequirement("gpu", "!=", List.of("none")),
            new LabelSelectorRequirement("zone", "in", List.of("a", "b")),
            new LabelSelectorRequirement("arch", "notin", List.of("arm")),
            new LabelSelectorRequirement("ssd", "exists", List.of()),
            new LabelSelectorRequirement("spot", "!", List.of()),
            new LabelSelectorRequirement("cores", "gt", List.of("4")),
            new LabelSelectorRequirement("mem", "lt", List.of("64"))),
        reqs);
  }

  @Test
  void badSelectorsNameTheFlag() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> SelectorFlag.parse("--constraints", "cores gt many"));
    assertTrue(e.getMessage().startsWith("--constraints 'cores gt many'"), e.getMessage());
    assertThrows(UsageException.class, () -> SelectorFlag.parse("--constraints", "a=b,,c"));
    assertThrows(UsageException.class, () -> SelectorFlag.parse("--constraints", "zone in (a,)"));
  }
}
