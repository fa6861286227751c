package io.bacalhau.core.jobspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.LabelSelectorRequirement;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacySpecTest {
  @Test
  void dockerJobTranslatesEveryField() {
    ParsedSpec parsed =
        Specs.read(
            """
            APIVersion: V1beta1
            Spec:
              Engine: Docker
              Docker:
                Image: ubuntu:22.04
                Entrypoint: [echo, hi]
                EnvironmentVariables: [A=1]
              PublisherSpec: {Type: S3, Params: {Bucket: out, Key: r/}}
              Resources: {CPU: 500m, Memory: 1Gb, GPU: "1"}
              Network: {Type: HTTP, Domains: [example.com]}
              Timeout: 90
              Inputs:
                - {StorageSource: s3, Name: data, Path: /in, S3: {Bucket: b, Key: k/, Region: eu-west-1, Checksum: abc}}
                - {StorageSource: URLDownload, URL: "https://example.com/x.csv", Path: /x.csv}
                - {CID: Qm123, Path: /ipfs}
              Outputs: [{Name: outputs, Path: /outputs}]
              NodeSelectors: [{Key: zone, Operator: "=", Values: [eu]}]
              Annotations: [demo]
              Deal: {Concurrency: 3}
            """);
    assertTrue(parsed.ok(), parsed.describeProblems());
    assertTrue(parsed.legacy());
    Job job = parsed.job();
    assertEquals("batch", job.type());
    assertEquals(3, job.count());
    assertEquals(
        List.of(new LabelSelectorRequirement("zone", "=", List.of("eu"))), job.constraints());
    assertEquals(Map.of("demo", ""), job.labels());
    Task task = job.task();
    assertEquals("main", task.name());
    assertEquals("docker", task.engine().type());
    assertEquals("ubuntu:22.04", task.engine().param("Image"));
    assertEquals(List.of("echo", "hi"), task.engine().param("Entrypoint"));
    assertEquals("s3", task.publisher().type());
    assertEquals("out", task.publisher().param("Bucket"));
    assertEquals("1gb", JobNormalizer.normalize(job).task().resources().memory());
    assertEquals("HTTP", task.network().type());
    assertEquals(List.of("example.com"), task.network().domains());
    assertEquals(90, task.timeouts().executionTimeout());
    assertEquals(
        new InputSource(
            SpecConfig.of(
                "s3",
                Map.of("Bucket", "b", "Key", "k/", "Region", "eu-west-1", "ChecksumSHA256", "abc")),
            "data",
            "/in"),
        task.inputSources().get(0));
    assertEquals(
        SpecConfig.of("urlDownload", Map.of("URL", "https://example.com/x.csv")),
        task.inputSources().get(1).source());
    assertEquals(
        SpecConfig.of("ipfs", Map.of("CID", "Qm123")), task.inputSources().get(2).source());
    assertEquals(List.of(new ResultPath("outputs", "/outputs")), task.resultPaths());
    assertTrue(JobValidator.validateSubmission(JobNormalizer.normalize(job)).isEmpty());
  }

  @Test
  void missingNetworkMeansNoNetworkAsItDidThen() {
    Job job = Specs.job("APIVersion: V1beta1\nSpec: {Engine: Docker, Docker: {Image: alpine}}\n");
    assertEquals("None", job.task().network().type());
    assertEquals(1, job.count());
    assertTrue(job.task().publisher().isEmpty());
  }

  @Test
  void targetingAllNodesMakesAnOpsJob() {
    Job job =
        Specs.job(
            "APIVersion: V1beta1\nSpec: {Docker: {Image: alpine}, Deal: {TargetingMode: true}}\n");
    assertEquals("ops", job.type());
    assertEquals("docker", job.task().engine().type());
  }

  @Test
  void legacyWasmModulesBecomeInputSources() {
    Job job =
        Specs.job(
            """
            APIVersion: V1beta1
            Spec:
              Engine: Wasm
              Wasm:
                EntryModule: {StorageSource: inline, URL: "data:application/wasm;base64,AGFzbQEAAAA="}
                EntryPoint: main
                Parameters: [a]
                ImportModules: [{StorageSource: ipfs, CID: Qm1}]
                EnvironmentVariables: {MODE: fast}
            """);
    Task task = job.task();
    assertEquals("wasm", task.engine().type());
    assertEquals("/wasm/entry.wasm", task.engine().param("EntryModule"));
    assertEquals("main", task.engine().param("Entrypoint"));
    assertEquals(List.of("a"), task.engine().param("Parameters"));
    assertEquals(List.of("/wasm/imports/module_0.wasm"), task.engine().param("ImportModules"));
    assertEquals(2, task.inputSources().size());
    assertEquals("inline", task.inputSources().get(0).source().type());
    assertEquals("/wasm/entry.wasm", task.inputSources().get(0).target());
    assertEquals("/wasm/imports/module_0.wasm", task.inputSources().get(1).target());
    assertEquals(Map.of("MODE", "fast"), task.env());
  }

  @Test
  void currentShapeWithLegacyWasmParamsIsUpgradedOnSubmit() {
    Job job =
        Specs.job(
            """
            Type: batch
            Tasks:
              - Name: main
                Engine:
                  Type: wasm
                  Params:
                    EntryModule:
                      Source: {Type: urlDownload, Params: {URL: "https://example.com/m.wasm"}}
                    EntryPoint: _start
            """);
    List<SpecProblem> problems = new java.util.ArrayList<>();
    Task task = LegacyWasmUpgrade.upgrade(job, problems).task();
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals("/wasm/entry.wasm", task.engine().param("EntryModule"));
    assertEquals("_start", task.engine().param("Entrypoint"));
    assertEquals("/wasm/entry.wasm", task.inputSources().get(0).target());
  }

  @Test
  void unsupportedLegacyPartsAreNamed() {
    List<String> problems =
        Specs.problems(
            """
            APIVersion: V1alpha9
            Metadata: {ID: x}
            Extra: 1
            Spec:
              Engine: Docker
              Docker: {Image: alpine}
              Publisher: Estuary
              Inputs: [{StorageSource: repoClone, Repo: "https://github.com/x/y", Path: /repo}]
              Deal: {TargetingMode: sometimes}
            """);
    assertEquals(
        List.of(
            "Extra: unknown field: 'Extra' in a legacy Job (valid fields: APIVersion, Metadata,"
                + " Spec)",
            "APIVersion: unsupported APIVersion \"V1alpha9\" (supported: V1beta1, V1beta2; or"
                + " leave APIVersion out and use today's job shape)",
            "Spec.Deal.TargetingMode: expected any or all, got the string \"sometimes\"",
            "Spec.Publisher: publisher 'estuary' is not supported any more (use ipfs, s3 or"
                + " local)",
            "Spec.Inputs[0].StorageSource: storage source 'repoclone' is not supported"
                + " (supported: ipfs, urlDownload, s3, inline, localDirectory)"),
        problems);
  }

  @Test
  void legacySpecWithoutEngineSaysHowToNameOne() {
    List<String> problems = Specs.problems("APIVersion: V1beta1\nSpec: {Timeout: 10}\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("Spec.Engine: missing engine"), problems.get(0));
  }
}
