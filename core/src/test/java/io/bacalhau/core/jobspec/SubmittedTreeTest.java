package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.codec.Codecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API reads a submitted job from the request's JSON tree; before, it wrote that tree out and
 * parsed the bytes again. Both must give the same job, problems and warnings, whatever was sent.
 */
class SubmittedTreeTest {
  private static final ObjectMapper API = Codecs.json();

  static Stream<String> bodies() throws Exception {
    List<String> bodies = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("../config/examples"))) {
      for (Path f : files.sorted().toList()) {
        Object spec =
            (f.toString().endsWith(".json") ? API : Codecs.yaml())
                .readValue(f.toFile(), Object.class);
        bodies.add(API.writeValueAsString(spec));
      }
    }
    bodies.add(
        """
        {"type": "batch", "count": 2, "priority": 1.0, "Name": 12, "Labels": {"a": 1, "b": null},
         "Tasks": [{"Name": "main", "Engine": {"Type": "docker", "Params": {"Image": "x", "N": 1e3}},
           "Resources": {"CPU": 0.5, "Memory": 1e9, "GPU": "1"},
           "Timeouts": {"ExecutionTimeout": 60.0, "TotalTimeout": 1e300},
           "Typo": true}],
         "ID": "j-mine", "State": {"StateType": "Completed"}, "Version": 7, "Extra": [1]}
        """);
    bodies.add(
        """
        {"Type": "ops", "Count": "three", "Tasks": [null, {"Name": ["x"], "Engine": 5}],
         "Constraints": [{"Key": "a", "Operator": "=", "Values": [1, true]}]}
        """);
    bodies.add("{\"Type\": \"batch\", \"Count\": 99999999999999999999, \"Tasks\": []}");
    bodies.add("{}");
    return bodies.stream();
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void readingTheTreeGivesWhatReadingItsBytesGave(String body) throws Exception {
    ObjectNode tree = (ObjectNode) API.readTree(body);
    ParsedSpec before = JobSpecParser.readSubmitted("Job", API.writeValueAsBytes(tree));
    ParsedSpec after = JobSpecParser.readSubmitted("Job", tree);
    assertEquals(before.ok(), after.ok());
    assertEquals(before.legacy(), after.legacy());
    assertEquals(Specs.lines(before.problems()), Specs.lines(after.problems()));
    assertEquals(before.warnings(), after.warnings());
    assertEquals(API.writeValueAsString(before.draft()), API.writeValueAsString(after.draft()));
  }

  /** The one difference: a number too large for a double was called a string once written out. */
  @Test
  void aNumberBeyondADoubleIsCalledANumber() throws Exception {
    String body =
        "{\"Type\": \"batch\", \"Tasks\": [{\"Name\": \"main\", \"Engine\": {\"Type\": \"noop\"},"
            + " \"Timeouts\": {\"TotalTimeout\": 1e400}}]}";
    ParsedSpec parsed = JobSpecParser.readSubmitted("Job", (ObjectNode) API.readTree(body));
    assertEquals(
        List.of(
            "Tasks[0].Timeouts.TotalTimeout: expected a whole number of seconds like 600, got the"
                + " number Infinity"),
        Specs.lines(parsed.problems()));
  }
}
