package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCheckTest {
  @Test
  void decodingAndValidationProblemsAreReportedTogether() {
    SpecCheck check =
        SpecCheck.of(
            Specs.read(
                """
                Type: batch
                Colour: blue
                Tasks:
                  - Name: main
                    Engine: {Params: {Image: ubuntu}}
                    Resources: {CPU: lots, Memory: [1]}
                """));
    assertNull(check.job());
    assertEquals(
        List.of(
            "Colour: unknown field: 'Colour' in 'Job' (valid fields: Name, Namespace, Type,"
                + " Priority, Count, Constraints, Meta, Labels, Tasks)",
            "Tasks[0].Resources.Memory: expected a string like \"512Mb\", \"1Gi\" or \"2GB\", got"
                + " a list",
            "Tasks[0].Engine.Type: missing engine type (e.g. docker, wasm, noop)",
            "Tasks[0].Resources.CPU: invalid CPU value: \"lots\" (expected a number of cores like"
                + " \"500m\", \"1.5\" or \"2\")"),
        Specs.lines(check.problems()));
  }

  @Test
  void aFieldThatCouldNotBeDecodedIsNotAlsoReportedMissing() {
    SpecCheck check = SpecCheck.of(Specs.read("Type: batch\nTasks: {Name: main}\n"));
    assertEquals(List.of("Tasks: expected a list, got a mapping"), Specs.lines(check.problems()));
  }

  @Test
  void unreadableDocumentsStopAtTheFormatProblem() {
    SpecCheck check = SpecCheck.of(Specs.read("[1, 2]"));
    assertEquals(1, check.problems().size());
  }

  @Test
  void validSpecGivesTheSanitizedJobAndWarnings() {
    SpecCheck check = SpecCheck.of(Specs.read(Specs.MINIMAL + "Meta: {bacalhau.org/x: y}\n"));
    assertEquals(List.of(), check.problems());
    assertEquals(
        List.of("job meta key \"bacalhau.org/x\" is reserved and will be ignored"),
        check.warnings());
    assertEquals("default", check.job().namespace());
  }
}
