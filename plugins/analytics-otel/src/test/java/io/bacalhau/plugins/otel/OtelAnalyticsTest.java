package io.bacalhau.plugins.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.identity.SystemMetadata;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real job run on a local node, seen by a real OTLP collector on 127.0.0.1. */
class OtelAnalyticsTest {
  @TempDir Path home;
  @TempDir Path dataDir;

  record Received(String type, Map<String, AnyValue> body, Map<String, String> resource) {}

  @Test
  void aJobRunSendsTheFiveEventTypesWithTheSeedsNamesAndHashedValues() throws Exception {
    List<Received> records;
    byte[] everything;
    try (OtlpHttpReceiver collector = OtlpHttpReceiver.start()) {
      try (AnalyticsNode node =
          new AnalyticsNode(
              home, dataDir, Map.of(), List.of("Analytics.Endpoint=" + collector.endpoint()))) {
        Job ok = node.run("ok", Map.of("Stdout", "hidden-stdout-text\n"));
        Job broken = node.run("broken", Map.of("Error", "boom at /home/alice/secret.csv"));
        assertEquals(JobStateType.COMPLETED, ok.stateType());
        assertEquals(JobStateType.FAILED, broken.stateType());
      } // closing the node flushes
      records = received(collector.requests());
      everything = bytes(collector.requests());
      assertTrue(
          collector.paths().stream().allMatch("/v1/logs"::equals), collector.paths().toString());
    }

    Map<String, List<Received>> byType = new LinkedHashMap<>();
    records.forEach(r -> byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r));
    assertEquals(
        Set.of(
            "bacalhau.job_v1.submit",
            "bacalhau.job_v1.terminal",
            "bacalhau.execution_v1.create",
            "bacalhau.execution_v1.terminal",
            "bacalhau.execution_v1.compute_message"),
        byType.keySet(),
        records.toString());
    assertEquals(2, byType.get("bacalhau.job_v1.submit").size());
    assertEquals(2, byType.get("bacalhau.job_v1.terminal").size());
    for (Received r : records) {
      Set<String> expected =
          switch (r.type()) {
            case "bacalhau.job_v1.submit" -> SeedEvents.SUBMIT;
            case "bacalhau.job_v1.terminal" -> SeedEvents.TERMINAL;
            case "bacalhau.execution_v1.compute_message" -> SeedEvents.COMPUTE_MESSAGE;
            default -> SeedEvents.EXECUTION;
          };
      assertEquals(expected, r.body().keySet(), r.type());
      assertEquals(SeedEvents.RESOURCE, keysOf(r.resource()), r.resource().toString());
    }

    String nodeName = SystemMetadata.loadOrCreate(dataDir).nodeName();
    Received submit = byType.get("bacalhau.job_v1.submit").get(0);
    assertEquals(sha256("default"), text(submit, "namespace_hash"));
    assertEquals(sha256("main"), text(submit, "task_name_hash"));
    assertEquals("noop", text(submit, "task_engine_type"));
    assertEquals(1, submit.body().get("task_env_var_count").getIntValue());
    assertTrue(submit.body().get("name_set").getBoolValue());
    Received created = byType.get("bacalhau.execution_v1.create").get(0);
    assertEquals(sha256(nodeName), text(created, "node_name_hash"));
    assertEquals(
        Set.of(sha256("main")),
        keysOf(created.body().get("resources").getKvlistValue().getValuesList()));
    Set<String> terminalStates = new java.util.HashSet<>();
    byType.get("bacalhau.job_v1.terminal").forEach(t -> terminalStates.add(text(t, "state")));
    assertEquals(Set.of("Completed", "Failed"), terminalStates);
    Received message = byType.get("bacalhau.execution_v1.compute_message").get(0);
    assertEquals(64, text(message, "compute_message").length(), "the message is hashed");

    Map<String, String> resource = submit.resource();
    assertEquals("hybrid", resource.get("node_type"));
    assertEquals(sha256(nodeName), resource.get("node_id_hash"));
    assertEquals(SystemMetadata.loadOrCreate(dataDir).instanceId(), resource.get("instance_id"));
    assertEquals(
        Files.readString(home.resolve("xdg/bacalhau/installation_id")).strip(),
        resource.get("installation_id"));

    // One captured record of each type, for people who want to see what is shared.
    StringBuilder captured = new StringBuilder("resource: " + resource + "\n");
    byType.forEach(
        (type, list) -> captured.append(type).append(": ").append(list.get(0).body()).append("\n"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "captured-records.txt"), captured);

    String wire = new String(everything, StandardCharsets.ISO_8859_1);
    for (String secret :
        List.of("s3cr3t-token-value", "hidden-stdout-text", "/home/alice", "boom", nodeName)) {
      assertFalse(wire.contains(secret), "'" + secret + "' left the machine");
    }
  }

  static List<Received> received(List<ExportLogsServiceRequest> requests) {
    List<Received> out = new ArrayList<>();
    for (ExportLogsServiceRequest request : requests) {
      for (ResourceLogs rl : request.getResourceLogsList()) {
        Map<String, String> resource = new LinkedHashMap<>();
        for (KeyValue kv : rl.getResource().getAttributesList()) {
          if (SeedEvents.RESOURCE.contains(kv.getKey())) {
            resource.put(kv.getKey(), kv.getValue().getStringValue());
          }
        }
        for (ScopeLogs sl : rl.getScopeLogsList()) {
          for (LogRecord log : sl.getLogRecordsList()) {
            Map<String, AnyValue> body = new LinkedHashMap<>();
            log.getBody()
                .getKvlistValue()
                .getValuesList()
                .forEach(kv -> body.put(kv.getKey(), kv.getValue()));
            out.add(new Received(log.getEventName(), body, resource));
          }
        }
      }
    }
    return out;
  }

  private static byte[] bytes(List<ExportLogsServiceRequest> requests) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    requests.forEach(r -> all.writeBytes(r.toByteArray()));
    return all.toByteArray();
  }

  private static String text(Received r, String key) {
    return r.body().get(key).getStringValue();
  }

  private static Set<String> keysOf(Map<String, ?> m) {
    return Set.copyOf(m.keySet());
  }

  private static Set<String> keysOf(List<KeyValue> kvs) {
    return Set.copyOf(kvs.stream().map(KeyValue::getKey).toList());
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
