package io.bacalhau.plugins.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import org.slf4j.LoggerFactory;

/**
 * The only class that knows the OpenTelemetry SDK: a logger provider whose batch processor queues
 * records (bounded; the oldest work is never waited for) and exports them over OTLP from its own
 * thread. Each event is one log record: event name = the event type, body = the properties as a
 * key/value map, resource = the node's identity.
 */
final class OtelLogs implements AutoCloseable {
  static final String SCOPE = "bacalhau-analytics";
  static final int MAX_QUEUE = 2048;
  static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(2);
  private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(OtelLogs.class);

  // The SDK and OkHttp report export failures through java.util.logging, which prints to the
  // user's terminal. Analytics must stay silent, so they are turned off (strong references: JUL
  // forgets loggers nobody holds) and one debug line of ours says what happened instead.
  private static final List<java.util.logging.Logger> QUIET =
      List.of(
          java.util.logging.Logger.getLogger("io.opentelemetry"),
          java.util.logging.Logger.getLogger("okhttp3"));

  private final SdkLoggerProvider provider;
  private final Logger logger;

  OtelLogs(OtelConfig config, Map<String, String> identity) {
    QUIET.forEach(l -> l.setLevel(Level.OFF));
    LogRecordExporter exporter = new QuietExporter(exporter(config), config.endpoint());
    BatchLogRecordProcessor processor =
        BatchLogRecordProcessor.builder(exporter)
            .setMaxQueueSize(MAX_QUEUE)
            .setMaxExportBatchSize(512)
            .setScheduleDelay(Duration.ofSeconds(1))
            .setExporterTimeout(EXPORT_TIMEOUT)
            .build();
    this.provider =
        SdkLoggerProvider.builder()
            .setResource(Resource.create(resource(identity)))
            .addLogRecordProcessor(processor)
            .build();
    this.logger = provider.get(SCOPE);
  }

  private static LogRecordExporter exporter(OtelConfig config) {
    if (config.grpc()) {
      OtlpGrpcLogRecordExporterBuilder b =
          OtlpGrpcLogRecordExporter.builder()
              .setEndpoint(config.logsUrl())
              .setTimeout(EXPORT_TIMEOUT)
              .setConnectTimeout(CONNECT_TIMEOUT)
              .setRetryPolicy(null);
      config.headers().forEach(b::addHeader);
      return b.build();
    }
    OtlpHttpLogRecordExporterBuilder b =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(config.logsUrl())
            .setTimeout(EXPORT_TIMEOUT)
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setRetryPolicy(null);
    config.headers().forEach(b::addHeader);
    return b.build();
  }

  private static Attributes resource(Map<String, String> identity) {
    AttributesBuilder b = Resource.getDefault().getAttributes().toBuilder();
    b.put("service.name", "bacalhau");
    // The seed's "operating system type", named as OpenTelemetry names it.
    b.put("os.type", osType());
    identity.forEach(b::put);
    return b.build();
  }

  private static String osType() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    return os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : os;
  }

  /** Queues one record; returns at once whatever the collector is doing. */
  void emit(String type, Map<String, Object> properties) {
    logger
        .logRecordBuilder()
        .setEventName(type)
        .setTimestamp(Instant.now())
        .setSeverity(Severity.INFO)
        .setBody(value(properties))
        .emit();
  }

  /** Our property values (strings, numbers, booleans, lists, maps) as OTel values. */
  static Value<?> value(Object v) {
    return switch (v) {
      case null -> Value.of("");
      case String s -> Value.of(s);
      case Boolean b -> Value.of(b);
      case Integer i -> Value.of(i.longValue());
      case Long l -> Value.of(l);
      case Number n -> Value.of(n.doubleValue());
      case List<?> list -> Value.of(list.stream().<Value<?>>map(OtelLogs::value).toList());
      case Map<?, ?> map -> {
        Map<String, Value<?>> kv = new LinkedHashMap<>();
        map.forEach((k, val) -> kv.put(String.valueOf(k), value(val)));
        yield Value.of(kv);
      }
      default -> Value.of(String.valueOf(v));
    };
  }

  /** Sends what is queued, waiting at most {@link #SHUTDOWN_DEADLINE}; then drops the rest. */
  @Override
  public void close() {
    provider.shutdown().join(SHUTDOWN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Passes exports through; the first failure is one debug line, later ones are silent. */
  private static final class QuietExporter implements LogRecordExporter {
    private final LogRecordExporter delegate;
    private final String endpoint;
    private final AtomicBoolean reported = new AtomicBoolean();

    QuietExporter(LogRecordExporter delegate, String endpoint) {
      this.delegate = delegate;
      this.endpoint = endpoint;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
      CompletableResultCode result = delegate.export(logs);
      result.whenComplete(
          () -> {
            if (!result.isSuccess() && reported.compareAndSet(false, true)) {
              LOG.debug(
                  "anonymous usage data not sent: collector at {} did not accept it", endpoint);
            }
          });
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }
}
