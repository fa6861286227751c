package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Job;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Parse and write agree for every job a user can write, in JSON and YAML; and no document, however
 * odd, makes the parser or the validators throw: each gives a job or problems with paths.
 */
class JobSpecPropertyTest {
  @Test
  void writtenJobsReadBackEqualInJson() {
    qt().withExamples(150)
        .forAll(JobGenerators.jobs())
        .checkAssert(j -> roundTrip(j, Codecs.json()));
  }

  @Test
  void writtenJobsReadBackEqualInYaml() {
    qt().withExamples(150)
        .forAll(JobGenerators.jobs())
        .checkAssert(j -> roundTrip(j, Codecs.yaml()));
  }

  private static void roundTrip(Job job, ObjectMapper mapper) {
    ObjectNode tree = Codecs.json().valueToTree(job);
    TopLevelKeys.SERVER_OWNED.forEach(tree::remove);
    String text;
    try {
      text = mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
    ParsedSpec parsed = JobSpecParser.read("gen", text.getBytes(StandardCharsets.UTF_8));
    assertTrue(parsed.ok(), () -> parsed.describeProblems() + "\n" + text);
    assertEquals(job, parsed.job(), text);
  }

  @Test
  void junkTreesGiveAJobOrProblemsNeverAnException() {
    qt().withExamples(600)
        .forAll(junkTrees(), integers().between(0, 1))
        .checkAssert(
            (tree, yaml) -> {
              String text;
              try {
                text = (yaml == 1 ? Codecs.yaml() : Codecs.json()).writeValueAsString(tree);
              } catch (JsonProcessingException e) {
                throw new AssertionError(e);
              }
              checkOutcome(JobSpecParser.read("junk", text.getBytes(StandardCharsets.UTF_8)));
            });
  }

  @Test
  void junkTextGivesAJobOrProblemsNeverAnException() {
    qt().withExamples(600)
        .forAll(strings().allPossible().ofLengthBetween(0, 200))
        .checkAssert(
            s -> checkOutcome(JobSpecParser.read("junk", s.getBytes(StandardCharsets.UTF_8))));
  }

  /** A parse either fails with located problems or yields a job every later stage can take. */
  static void checkOutcome(ParsedSpec parsed) {
    SpecCheck check = SpecCheck.of(parsed);
    assertTrue(check.ok() == (check.job() != null));
    assertTrue(check.problems().containsAll(parsed.problems()));
    if (!parsed.ok()) {
      assertNull(parsed.job());
      parsed.problems().forEach(p -> assertNotNull(p.message()));
      assertTrue(parsed.describeProblems().startsWith("junk: the job spec is invalid:"));
      return;
    }
    Job job = JobNormalizer.normalize(parsed.job());
    JobSanitizer.Sanitized sanitized = JobSanitizer.sanitize(job);
    JobValidator.validateSubmission(sanitized.job());
    JobValidator.validate(sanitized.job());
    LegacyWasmUpgrade.upgrade(sanitized.job(), new ArrayList<>());
  }

  /** Trees shaped like job specs (current and legacy) with values of the wrong kinds. */
  static Gen<JsonNode> junkTrees() {
    return in -> node(in, 0);
  }

  private static final List<String> KEYS =
      List.of(
          "Name",
          "type",
          "Count",
          "Priority",
          "Tasks",
          "Engine",
          "Params",
          "Resources",
          "CPU",
          "Memory",
          "GPU",
          "Network",
          "Ports",
          "Domains",
          "Static",
          "Target",
          "InputSources",
          "Source",
          "ResultPaths",
          "Path",
          "Env",
          "Meta",
          "Labels",
          "Constraints",
          "Operator",
          "Values",
          "Timeouts",
          "ExecutionTimeout",
          "APIVersion",
          "Spec",
          "Docker",
          "Wasm",
          "EntryModule",
          "ImportModules",
          "Inputs",
          "StorageSource",
          "Deal",
          "Concurrency",
          "TargetingMode",
          "Publisher",
          "PublisherSpec",
          "EngineSpec",
          "S3",
          "ID",
          "zz",
          "");

  private static JsonNode node(RandomnessSource in, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = integers().between(0, depth > 4 ? 4 : 7).generate(in);
    switch (kind) {
      case 0:
        return f.nullNode();
      case 1:
        return f.numberNode(integers().all().generate(in));
      case 2:
        return f.numberNode(integers().between(-10, 10).generate(in) / 4.0);
      case 3:
        return f.booleanNode(integers().between(0, 1).generate(in) == 1);
      case 4:
        return f.textNode(strings().basicLatinAlphabet().ofLengthBetween(0, 6).generate(in));
      case 5:
        var array = f.arrayNode();
        int n = integers().between(0, 3).generate(in);
        for (int i = 0; i < n; i++) {
          array.add(node(in, depth + 1));
        }
        return array;
      default:
        ObjectNode obj = f.objectNode();
        int m = integers().between(0, 5).generate(in);
        for (int i = 0; i < m; i++) {
          obj.set(Generate.pick(KEYS).generate(in), node(in, depth + 1));
        }
        return obj;
    }
  }
}
