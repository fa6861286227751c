package io.bacalhau.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.Resources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local node is set up from configuration. */
class NodeSettingsTest {
  @TempDir Path home;

  private static final Resources MACHINE = new Resources(8, 16_000_000_000L, 100_000_000_000L, 2);

  private BacalhauConfig config(String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }

  @Test
  void defaultCapacityIsEightyPercentAndEveryGpu() {
    assertEquals(
        new Resources(6.4, 12_800_000_000L, 80_000_000_000L, 2),
        NodeSettings.capacity(config(), MACHINE));
  }

  @Test
  void capacityTakesAmountsAsWellAsShares() {
    Resources r =
        NodeSettings.capacity(
            config(
                "Compute.AllocatedCapacity.CPU=500m",
                "Compute.AllocatedCapacity.Memory=2Gi",
                "Compute.AllocatedCapacity.Disk=50%",
                "Compute.AllocatedCapacity.GPU=1"),
            MACHINE);
    assertEquals(new Resources(0.5, 2L << 30, 50_000_000_000L, 1), r);
  }

  @Test
  void aCapacityThatIsNoAmountNamesTheConfigKey() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> NodeSettings.capacity(config("Compute.AllocatedCapacity.CPU=4Gb"), MACHINE));
    assertTrue(
        e.getMessage().startsWith("config key Compute.AllocatedCapacity.CPU"), e.getMessage());
  }

  @Test
  void labelsRetriesAndJobDefaultsComeFromConfig() {
    NodeOptions options =
        NodeSettings.from(
            config(
                "Labels=zone=eu,tier=gold",
                "Orchestrator.Scheduler.MaxRetries=5",
                "Orchestrator.Scheduler.QueueBackoff=10s",
                "JobDefaults.Batch.Task.Resources.Memory=1Gb",
                "JobDefaults.Batch.Task.Publisher.Type=local",
                "JobDefaults.Ops.Task.Timeouts.ExecutionTimeout=90s",
                "JobDefaults.Service.Priority=7"),
            Map.of());
    assertEquals(Map.of("zone", "eu", "tier", "gold"), options.labels());
    assertEquals(5, options.scheduler().maxRetries());
    assertEquals(Duration.ofSeconds(10), options.scheduler().queueBackoff());
    assertEquals("1Gb", options.jobDefaults().forType(JobType.BATCH).resources().memory());
    assertEquals("500m", options.jobDefaults().forType(JobType.BATCH).resources().cpu());
    assertTrue(options.jobDefaults().forType(JobType.BATCH).publisher().isType("local"));
    assertEquals(
        Duration.ofSeconds(90), options.jobDefaults().forType(JobType.OPS).executionTimeout());
    assertEquals(7, options.jobDefaults().forType(JobType.SERVICE).priority());
    assertEquals(home.resolve(".bacalhau"), options.dataDir());
  }

  @Test
  void jobAdmissionControlIsReadFromConfig() {
    assertEquals(
        io.bacalhau.core.compute.AdmissionControl.DEFAULTS, NodeSettings.admission(config()));
    assertEquals(
        new io.bacalhau.core.compute.AdmissionControl(
            io.bacalhau.core.compute.AdmissionControl.Locality.LOCAL,
            true,
            true,
            "http://127.0.0.1:8080/bid",
            "exit 0"),
        NodeSettings.admission(
            config(
                "JobAdmissionControl.Locality=local",
                "JobAdmissionControl.RejectStatelessJobs=true",
                "JobAdmissionControl.RejectNetworkedJobs=true",
                "JobAdmissionControl.ProbeHTTP=http://127.0.0.1:8080/bid",
                "JobAdmissionControl.ProbeExec=exit 0")));
  }

  @Test
  void aProbeUrlThatIsNotHttpNamesTheConfigKey() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> NodeSettings.admission(config("JobAdmissionControl.ProbeHTTP=localhost:8080")));
    assertEquals(
        "config key JobAdmissionControl.ProbeHTTP: 'localhost:8080' is not an http(s) URL",
        e.getMessage());
  }
}
