package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigInteger;

/**
 * Number nodes that remember the text they were written as: {@code asText()} gives it back, so a
 * number in a string field reads as the user typed it. Equality stays numeric.
 */
final class WrittenNumbers {
  private WrittenNumbers() {}

  /** An int, as written. */
  static final class Int extends IntNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    Int(int value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** A long, as written. */
  static final class Long extends LongNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    Long(long value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** An integer too big for a long, as written. */
  static final class Big extends BigIntegerNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    Big(BigInteger value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }

  /** A floating-point number, as written. */
  static final class Double extends DoubleNode {
    private static final long serialVersionUID = 1L;
    private final String text;

    Double(double value, String text) {
      super(value);
      this.text = text;
    }

    @Override
    public String asText() {
      return text;
    }
  }
}
