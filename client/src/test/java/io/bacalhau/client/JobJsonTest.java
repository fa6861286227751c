package io.bacalhau.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's own job reader reads what databind reads, field for field. */
class JobJsonTest {
  private static final String FULL =
      """
      {"ID": "j-1", "Name": "full", "Namespace": "default", "Type": "batch", "Priority": 3,
       "Count": 2, "Constraints": [{"Key": "zone", "Operator": "in", "Values": ["a", "b"]}],
       "Meta": {"bacalhau.org/requester.id": "n-1"}, "Labels": {"env": "prod", "empty": ""},
       "Tasks": [{"Name": "main",
         "Engine": {"Type": "docker", "Params": {"Image": "busybox", "Entrypoint": ["sh", "-c"],
           "Small": 7, "Big": 12345678901, "Huge": 123456789012345678901234567890, "Ratio": 0.5,
           "On": true, "Nothing": null, "Nested": {"a": [1, {"b": "c"}]}}},
         "Publisher": {"Type": "local"}, "Env": {"A": "1"}, "Meta": {"m": "v"},
         "InputSources": [{"Source": {"Type": "urlDownload", "Params": {"URL": "http://x/y"}},
           "Alias": "in", "Target": "/inputs"}],
         "ResultPaths": [{"Name": "out", "Path": "/outputs"}],
         "Resources": {"CPU": "500m", "Memory": "1Gb", "Disk": "", "GPU": "0"},
         "Network": {"Type": "HTTP", "Domains": ["example.com"],
           "Ports": [{"Name": "web", "Static": 8080, "Target": 80, "HostNetwork": "0.0.0.0"}]},
         "Timeouts": {"ExecutionTimeout": 60, "QueueTimeout": 0, "TotalTimeout": 120}}],
       "State": {"StateType": "Completed", "Message": "done", "Details": {"k": "v"}},
       "Version": 4, "Revision": 5, "CreateTime": 1700000000000000000,
       "ModifyTime": 1700000000000000001, "SomethingNew": {"x": 1}}
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        FULL,
        "{}",
        "{\"ID\": \"j-2\", \"Tasks\": [{\"Name\": \"t\"}], \"State\": {}}",
        // keys in other cases, numbers as text and text as numbers, nulls, a fraction
        "{\"id\": \"j-3\", \"name\": 42, \"PRIORITY\": \"7\", \"count\": 1.9, \"Meta\": null,"
            + " \"Labels\": {\"n\": 5, \"b\": true, \"z\": null},"
            + " \"state\": {\"statetype\": \"running\"}, \"Tasks\": [{\"engine\": {\"type\":"
            + " \"wasm\", \"params\": {}}, \"network\": {\"type\": \"none\"}}]}",
        "{\"State\": {\"StateType\": \"no such state\"}, \"Tasks\": null, \"Constraints\": []}"
      })
  void readsWhatDatabindReads(String json) throws Exception {
    JsonNode tree = Codecs.json().readTree(json);
    Job databind = Codecs.json().treeToValue(tree, Job.class);
    assertEquals(databind, JobJson.read(tree));
  }

  @Test
  void aJobWrittenByTheNodeReadsBackEqual() throws Exception {
    Job job = Codecs.json().treeToValue(Codecs.json().readTree(FULL), Job.class);
    assertEquals(job, JobJson.read(Codecs.json().valueToTree(job)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{\"Tasks\": {\"Name\": \"not a list\"}}",
        "{\"Tasks\": [{\"Engine\": \"docker\"}]}",
        "{\"Labels\": [\"a\"]}",
        "{\"Name\": {\"a\": 1}}",
        "{\"Version\": \"four\"}"
      })
  void refusesWhatDatabindRefuses(String json) throws Exception {
    JsonNode tree = Codecs.json().readTree(json);
    assertThrows(Exception.class, () -> Codecs.json().treeToValue(tree, Job.class));
    assertThrows(IllegalArgumentException.class, () -> JobJson.read(tree));
  }
}
