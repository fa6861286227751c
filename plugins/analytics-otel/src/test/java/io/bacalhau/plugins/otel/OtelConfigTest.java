package io.bacalhau.plugins.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.spi.Installation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelConfigTest {
  private final OtelAnalyticsFactory factory = new OtelAnalyticsFactory();

  @Test
  void defaultsAreTheStandardLocalCollector() {
    OtelConfig http = new OtelConfig(null, null, null);
    OtelConfig grpc = new OtelConfig("", "GRPC", null);

    assertEquals("http://127.0.0.1:4318/v1/logs", http.logsUrl());
    assertEquals("http://127.0.0.1:4317", grpc.logsUrl());
    assertEquals(List.of(), http.problems());
    assertTrue(factory.isInstalled(http).installed());
  }

  @Test
  void aBaseUrlGetsTheLogsPathAndAFullUrlIsKept() {
    assertEquals(
        "https://otel.example.com/v1/logs",
        new OtelConfig("https://otel.example.com/", "http/protobuf", Map.of()).logsUrl());
    assertEquals(
        "https://otel.example.com/ingest/logs",
        new OtelConfig("https://otel.example.com/ingest/logs", null, Map.of()).logsUrl());
  }

  @Test
  void badSettingsNameTheKeyAndWhatIsValid() {
    Installation bad = factory.isInstalled(new OtelConfig("127.0.0.1:4318", "thrift", Map.of()));

    assertFalse(bad.installed());
    assertTrue(bad.reason().contains("Analytics.Protocol is 'thrift'"), bad.reason());
    assertTrue(bad.reason().contains("http/protobuf and grpc"), bad.reason());
    assertTrue(bad.reason().contains("Analytics.Endpoint is '127.0.0.1:4318'"), bad.reason());
  }
}
