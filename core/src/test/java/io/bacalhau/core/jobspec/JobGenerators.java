package io.bacalhau.core.jobspec;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.PortMapping;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/** Generators of submittable jobs: every field a user may write, with awkward text in it. */
final class JobGenerators {
  private static final Gen<String> TEXT = strings().basicLatinAlphabet().ofLengthBetween(0, 12);
  private static final Gen<String> WORD =
      strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
  private static final Gen<String> TRICKY =
      Generate.pick(
          List.of(
              "",
              " padded ",
              "true",
              "null",
              "~",
              "12",
              "1e3",
              "0x1F",
              "yes",
              "a: b",
              "#x",
              "- x",
              "é ü ✓",
              "line\nbreak",
              "\"q\"",
              "'s'",
              "{x}",
              "[y]",
              "*a",
              "&b",
              "!t"));
  private static final Gen<String> ANY_TEXT = Generate.oneOf(TEXT, TRICKY, WORD);

  private JobGenerators() {}

  static Gen<Job> jobs() {
    return in ->
        Job.builder()
            .name(ANY_TEXT.generate(in))
            .namespace(ANY_TEXT.generate(in))
            .type(Generate.pick(List.of("batch", "ops", "daemon", "service")).generate(in))
            .priority(integers().between(-5, 100).generate(in))
            .count(integers().between(0, 5).generate(in))
            .constraints(list(in, 3, () -> constraint(in)))
            .meta(map(in))
            .labels(map(in))
            .tasks(list(in, 1, 2, () -> task(in)))
            .build();
  }

  private static LabelSelectorRequirement constraint(RandomnessSource in) {
    return new LabelSelectorRequirement(
        WORD.generate(in),
        Generate.pick(List.of("=", "in", "exists", "!=", "gt")).generate(in),
        list(in, 3, () -> ANY_TEXT.generate(in)));
  }

  private static Task task(RandomnessSource in) {
    return Task.builder()
        .name(ANY_TEXT.generate(in))
        .engine(spec(in))
        .publisher(spec(in))
        .env(map(in))
        .meta(map(in))
        .inputSources(
            list(in, 2, () -> new InputSource(spec(in), ANY_TEXT.generate(in), TEXT.generate(in))))
        .resultPaths(list(in, 2, () -> new ResultPath(ANY_TEXT.generate(in), TEXT.generate(in))))
        .resources(
            new ResourcesConfig(
                ANY_TEXT.generate(in), ANY_TEXT.generate(in), TEXT.generate(in), TEXT.generate(in)))
        .network(
            new NetworkConfig(
                ANY_TEXT.generate(in),
                list(in, 2, () -> ANY_TEXT.generate(in)),
                list(
                    in,
                    2,
                    () ->
                        new PortMapping(
                            WORD.generate(in),
                            integers().between(0, 70000).generate(in),
                            integers().between(0, 70000).generate(in),
                            TEXT.generate(in)))))
        .timeouts(
            new TimeoutConfig(
                longs().between(0, 100000).generate(in),
                longs().between(0, 100000).generate(in),
                longs().between(0, 100000).generate(in)))
        .build();
  }

  private static SpecConfig spec(RandomnessSource in) {
    Map<String, Object> params = new LinkedHashMap<>();
    int n = integers().between(0, 3).generate(in);
    for (int i = 0; i < n; i++) {
      Object value =
          switch (integers().between(0, 3).generate(in)) {
            case 0 -> ANY_TEXT.generate(in);
            case 1 -> integers().between(-1000, 1000).generate(in);
            case 2 -> integers().between(0, 1).generate(in) == 1;
            default -> list(in, 3, () -> ANY_TEXT.generate(in));
          };
      params.put(WORD.generate(in), value);
    }
    return new SpecConfig(ANY_TEXT.generate(in), params);
  }

  private static Map<String, String> map(RandomnessSource in) {
    Map<String, String> m = new LinkedHashMap<>();
    int n = integers().between(0, 3).generate(in);
    for (int i = 0; i < n; i++) {
      m.put(WORD.generate(in), ANY_TEXT.generate(in));
    }
    return m;
  }

  private static <T> List<T> list(RandomnessSource in, int max, Supplier<T> item) {
    return list(in, 0, max, item);
  }

  private static <T> List<T> list(RandomnessSource in, int min, int max, Supplier<T> item) {
    int n = integers().between(min, max).generate(in);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }
}
