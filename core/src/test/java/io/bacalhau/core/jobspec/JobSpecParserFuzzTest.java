package io.bacalhau.core.jobspec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the spec parser and everything after it. In a normal build it replays the
 * seed inputs under {@code src/test/resources/.../JobSpecParserFuzzTestInputs} (regression mode);
 * {@code JAZZER_FUZZ=1} makes it explore. Any exception other than a reported problem fails.
 */
class JobSpecParserFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesGiveAJobOrProblems(byte[] input) {
    JobSpecPropertyTest.checkOutcome(JobSpecParser.read("junk", input));
  }
}
