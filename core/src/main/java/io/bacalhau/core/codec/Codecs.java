package io.bacalhau.core.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The JSON and YAML mappers every part shares. Keys are PascalCase (set on the records), matched
 * case-insensitively on read; unknown nested keys are ignored, as Bacalhau does.
 */
public final class Codecs {
  private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();

  /** Built on first use: a thin client that reads JSON only never pays for the YAML one. */
  private static final class Yaml {
    private static final ObjectMapper MAPPER =
        configure(
                YAMLMapper.builder(
                    YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .stringQuotingChecker(new YamlQuoting())
                        .build()))
            .build();
  }

  private Codecs() {}

  /** The JSON mapper of the job store's rows: {@link #json()}'s format, faster on hot records. */
  public static ObjectMapper storeJson() {
    return StoreJson.MAPPER;
  }

  /**
   * The store writes and reads the same few records thousands of times a second: Blackbird makes
   * their accessors and constructors plain calls instead of reflection. A holder class, so that a
   * client process, which never opens a store, does not build it.
   */
  private static final class StoreJson {
    static final ObjectMapper MAPPER =
        configure(JsonMapper.builder()).addModule(new BlackbirdModule()).build();
  }

  public static ObjectMapper json() {
    return JSON;
  }

  public static ObjectMapper yaml() {
    return Yaml.MAPPER;
  }

  private static <
          M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
      B configure(B builder) {
    return builder
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL);
  }
}
