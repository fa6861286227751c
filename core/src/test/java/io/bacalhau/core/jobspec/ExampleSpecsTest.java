package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example spec we ship parses, validates and gives no warnings. */
class ExampleSpecsTest {
  private static final Path EXAMPLES = Path.of("..", "config", "examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Path> specs =
          files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
      return specs.stream();
    }
  }

  @Test
  void thereAreExamplesOfEachKind() throws IOException {
    List<String> names = examples().map(p -> p.getFileName().toString()).toList();
    assertTrue(
        names.containsAll(
            List.of(
                "noop.yaml", "docker.yaml", "wasm.yaml", "s3-input.yaml", "legacy-v1beta1.yaml")),
        names.toString());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsValid(Path file) throws IOException {
    ParsedSpec parsed = JobSpecParser.read(file.toString(), Files.readAllBytes(file));
    assertTrue(parsed.ok(), parsed::describeProblems);
    assertEquals(List.of(), parsed.warnings());
    JobSanitizer.Sanitized sanitized = JobSanitizer.sanitize(JobNormalizer.normalize(parsed.job()));
    assertEquals(List.of(), sanitized.warnings());
    assertEquals(List.of(), Specs.lines(JobValidator.validateSubmission(sanitized.job())));
  }

  @Test
  void legacyExampleBecomesTheJobItDescribes() throws IOException {
    Path file = EXAMPLES.resolve("legacy-v1beta1.yaml");
    Job job = JobSpecParser.parse(file.toString(), Files.readAllBytes(file));
    assertEquals("batch", job.type());
    assertEquals(2, job.count());
    assertEquals("docker", job.task().engine().type());
    assertEquals("local", job.task().publisher().type());
    assertEquals("ipfs", job.task().inputSources().get(0).source().type());
    assertEquals("/inputs", job.task().inputSources().get(0).target());
    assertEquals(1800, job.task().timeouts().executionTimeout());
    assertEquals("None", job.task().network().type());
  }
}
