package io.bacalhau.core.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one unchecked root exception. It carries Bacalhau's structured fields so that retry logic,
 * events and the CLI read fields, never messages.
 */
public class BacalhauException extends RuntimeException {
  public static final String DEFAULT_COMPONENT = "Bacalhau";

  private final ErrorCode code;
  private final String specificCode;
  private final String component;
  private final String hint;
  private final boolean retryable;
  private final boolean failsExecution;
  private final Map<String, String> details;

  /** For subclasses that carry more structure (such as every problem of a spec). */
  protected BacalhauException(Builder b) {
    super(b.message, b.cause);
    this.code = b.code;
    this.specificCode = b.specificCode;
    this.component = b.component;
    this.hint = b.hint;
    this.retryable = b.retryable;
    this.failsExecution = b.failsExecution;
    this.details = Map.copyOf(b.details);
  }

  public static Builder builder(ErrorCode code, String message) {
    return new Builder(code, message);
  }

  public static BacalhauException of(ErrorCode code, String message) {
    return builder(code, message).build();
  }

  public static BacalhauException notFound(String component, String message) {
    return builder(ErrorCode.NOT_FOUND, message).component(component).build();
  }

  public static BacalhauException badRequest(String message, String hint) {
    return builder(ErrorCode.BAD_REQUEST, message).hint(hint).build();
  }

  public ErrorCode code() {
    return code;
  }

  public String component() {
    return component;
  }

  /** What the user can do about it, or null. */
  public String hint() {
    return hint;
  }

  public boolean retryable() {
    return retryable;
  }

  public boolean failsExecution() {
    return failsExecution;
  }

  public Map<String, String> details() {
    return details;
  }

  /**
   * The `<Component>:<Code>` form used in event details; the code is the provider's own (such as
   * S3's {@code NoSuchBucket}) when it gave one, else the general code's name.
   */
  public String qualifiedCode() {
    return component + ":" + (specificCode != null ? specificCode : code.code());
  }

  /** Builds a structured error field by field. */
  public static final class Builder {
    private final ErrorCode code;
    private final String message;
    private String specificCode;
    private String component = DEFAULT_COMPONENT;
    private String hint;
    private boolean retryable;
    private boolean failsExecution;
    private Throwable cause;
    private final Map<String, String> details = new LinkedHashMap<>();

    private Builder(ErrorCode code, String message) {
      this.code = code;
      this.message = message;
    }

    public Builder component(String component) {
      this.component = component;
      return this;
    }

    /**
     * A code more precise than {@link ErrorCode}, as the service said it (Bacalhau's codes are
     * open).
     */
    public Builder specificCode(String specificCode) {
      this.specificCode = specificCode == null || specificCode.isBlank() ? null : specificCode;
      return this;
    }

    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    public Builder failsExecution(boolean failsExecution) {
      this.failsExecution = failsExecution;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public Builder detail(String key, String value) {
      details.put(key, value);
      return this;
    }

    public BacalhauException build() {
      return new BacalhauException(this);
    }
  }
}
