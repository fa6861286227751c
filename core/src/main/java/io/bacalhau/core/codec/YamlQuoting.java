package io.bacalhau.core.codec;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Quotes strings that a YAML reader would take for numbers ({@code 1e3}, {@code 0x1F}, {@code
 * 1_000}). The default checker only quotes plain decimals, so such strings came back as numbers
 * after a write and read (found by the job spec round-trip property test).
 */
final class YamlQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || looksLikeYAMLNumber(value);
  }
}
