package io.bacalhau.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.server.Oauth2Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path home;

  @Test
  void agentAuthconfigIsReadFromTheOauth2Keys() throws Exception {
    Path file = home.resolve("config.yaml");
    Files.writeString(
        file,
        """
        API:
          Auth:
            Oauth2:
              ProviderID: okta
              DeviceClientID: cli-client
              Scopes: [openid, profile]
              PollingInterval: 5
        """);
    BacalhauConfig config =
        new ConfigLoader()
            .load(
                new ConfigInputs(
                    Map.of("HOME", home.toString()),
                    home,
                    List.of(file.toString()),
                    null,
                    null,
                    null));
    assertEquals(
        new Oauth2Config(
            "okta", "", "", "", "", "cli-client", "", List.of("openid", "profile"), "", 5),
        ServerConfig.from(config, Path::of).oauth2());
  }
}
