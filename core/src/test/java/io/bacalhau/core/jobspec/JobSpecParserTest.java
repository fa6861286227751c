package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Task;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecParserTest {
  @Test
  void unknownTopLevelKeyIsNamedWithTheValidOnes() {
    List<String> problems = Specs.problems(Specs.MINIMAL + "Taks: []\n");
    assertEquals(
        List.of(
            "Taks: unknown field: 'Taks' in 'Job' (valid fields: Name, Namespace, Type, Priority,"
                + " Count, Constraints, Meta, Labels, Tasks)"),
        problems);
  }

  @Test
  void serverOwnedTopLevelKeysAreRefusedWhateverTheirCase() {
    List<String> problems = Specs.problems(Specs.MINIMAL + "id: j-1\nSTATE: {}\nversion: 3\n");
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("id: field: 'id' in 'Job' is not allowed"), problems.get(0));
    assertTrue(problems.get(1).startsWith("STATE: field: 'STATE' in 'Job' is not allowed"));
  }

  @Test
  void fieldNamesMatchCaseInsensitivelyButMapKeysKeepTheirCase() {
    Job job =
        Specs.job(
            """
            type: batch
            NAME: shouty
            labels: {Team: Imaging}
            tasks:
              - name: main
                engine: {type: docker, params: {Image: ubuntu}}
                env: {GREETING: hi}
                resources: {cpu: 500m}
            """);
    assertEquals("shouty", job.name());
    assertEquals(Map.of("Team", "Imaging"), job.labels());
    Task task = job.task();
    assertEquals("docker", task.engine().type());
    assertEquals(Map.of("Image", "ubuntu"), task.engine().params());
    assertEquals("500m", task.resources().cpu());
    assertEquals(Map.of("GREETING", "hi"), task.env());
  }

  @Test
  void typeMismatchNamesThePathAndWhatWasExpected() {
    List<String> problems =
        Specs.problems(
            """
            Type: batch
            Count: many
            Tasks:
              - Name: main
                Engine: {Type: noop}
                Resources: {CPU: [1, 2]}
                InputSources: {Target: /in}
            """);
    assertEquals(
        List.of(
            "Count: expected a whole number of executions like 1, got the string \"many\"",
            "Tasks[0].Resources.CPU: expected a string like \"500m\", \"1.5\" or \"2\" (CPU"
                + " cores), got a list",
            "Tasks[0].InputSources: expected a list, got a mapping"),
        problems);
  }

  @Test
  void unquotedNumbersAreAcceptedWhereStringsAreExpected() {
    Job job = Specs.job(Specs.MINIMAL + "    Resources: {CPU: 2, GPU: 1}\n");
    assertEquals("2", job.task().resources().cpu());
    assertEquals("1", job.task().resources().gpu());
  }

  @Test
  void countDefaultsToOneOnlyForBatchAndServiceWhenAbsent() {
    assertEquals(1, Specs.job(Specs.MINIMAL).count());
    assertEquals(0, Specs.job(Specs.MINIMAL + "Count: 0\n").count());
    assertEquals(1, Specs.job(Specs.MINIMAL.replace("batch", "service")).count());
    assertEquals(0, Specs.job(Specs.MINIMAL.replace("batch", "daemon")).count());
    assertEquals(0, Specs.job(Specs.MINIMAL.replace("batch", "ops")).count());
  }

  @Test
  void jsonIsReadAsJson() {
    Job job =
        Specs.job(
            "{\"Type\": \"batch\", \"Count\": 3, \"Tasks\": [{\"Name\": \"t\", \"Engine\":"
                + " {\"Type\": \"noop\"}}]}");
    assertEquals(3, job.count());
    assertEquals("t", job.task().name());
  }

  @Test
  void yamlFlowStyleStartingWithABraceIsStillYaml() {
    Job job = Specs.job("{Type: batch, Tasks: [{Name: main, Engine: {Type: noop}}]}");
    assertEquals("noop", job.task().engine().type());
  }

  @Test
  void contentAfterAJsonDocumentIsRefused() {
    List<String> problems = Specs.problems("{\"Type\": \"batch\"}\n{\"Type\": \"ops\"}\n");
    assertEquals(List.of("unexpected content after the JSON document (line 2)"), problems);
  }

  @Test
  void brokenYamlNamesTheLine() {
    List<String> problems = Specs.problems("Type: batch\nTasks:\n  - Name: [main\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("not valid YAML (line "), problems.get(0));
  }

  @Test
  void brokenJsonNamesTheLine() {
    List<String> problems = Specs.problems("{\"Type\": \"batch\",\n \"Tasks\": [}\n");
    assertTrue(problems.get(0).startsWith("not valid JSON (line 2"), problems.get(0));
  }

  @Test
  void emptyAndNonMappingDocumentsAreRefused() {
    assertEquals(List.of("the spec is empty"), Specs.problems("  \n"));
    assertEquals(List.of("the spec is empty"), Specs.problems("---\n"));
    assertEquals(
        List.of("the spec must be a mapping of fields (Name, Type, Tasks, ...), not a list"),
        Specs.problems("- a\n- b\n"));
    assertTrue(Specs.problems("just words").get(0).endsWith("not the string \"just words\""));
  }

  @Test
  void duplicateKeysAreRefused() {
    List<String> problems = Specs.problems(Specs.MINIMAL + "Type: ops\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("Type"), problems.get(0));
  }

  @Test
  void unknownNestedKeysAreIgnoredWithAWarning() {
    ParsedSpec parsed = Specs.read(Specs.MINIMAL + "    Engin: {Type: docker}\n");
    assertTrue(parsed.ok(), parsed.describeProblems());
    assertEquals(1, parsed.warnings().size());
    assertTrue(
        parsed.warnings().get(0).startsWith("Tasks[0].Engin: unknown field ignored (valid fields:"),
        parsed.warnings().get(0));
  }

  @Test
  void nullMeansNotGiven() {
    Job job = Specs.job(Specs.MINIMAL + "Name: ~\nLabels: null\n");
    assertEquals("", job.name());
    assertTrue(job.labels().isEmpty());
  }

  @Test
  void parseThrowsAValidationErrorListingEveryProblem() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () ->
                JobSpecParser.parse(
                    "bad.yaml", "Foo: 1\nBar: 2\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("bad.yaml: the job spec is invalid:\n  Foo: "));
    assertTrue(e.getMessage().contains("\n  Bar: unknown field"), e.getMessage());
    assertFalse(e.hint().isBlank());
  }

  @Test
  void oversizedSpecsAreRefusedBeforeParsing() {
    byte[] big = new byte[SpecDocument.MAX_BYTES + 1];
    ParsedSpec parsed = JobSpecParser.read("big.yaml", big);
    assertTrue(parsed.problems().get(0).message().contains("the limit is"));
  }
}
