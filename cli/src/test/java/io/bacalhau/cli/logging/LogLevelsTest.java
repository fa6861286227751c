package io.bacalhau.cli.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each Logging.Level shows: our messages at that level, libraries at warnings or quieter. */
class LogLevelsTest {
  @ParameterizedTest(name = "Logging.Level={0}")
  @CsvSource({
    "trace, trace, trace",
    "debug, debug, debug",
    "info,  info,  warn",
    "warn,  warn,  warn",
    "error, error, error",
    "fatal, error, error",
    "PANIC, error, error"
  })
  void levels(String configured, String ours, String libraries) {
    assertEquals(ours, LogLevels.simpleLevel(configured));
    assertEquals(libraries, LogLevels.forLibraries(LogLevels.simpleLevel(configured)));
  }
}
