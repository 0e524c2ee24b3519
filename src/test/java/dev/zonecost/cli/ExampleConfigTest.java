package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples/zonecost.yaml stays a config zonecost accepts, with every key meaning what it says. */
class ExampleConfigTest {
  @Test
  void should_accept_the_example_config_file() {
    CliRun view =
        CliRun.run(
            Clock.systemUTC(),
            Map.of("HOME", "/nonexistent"),
            Path.of("").toAbsolutePath(),
            "--config",
            "examples/zonecost.yaml",
            "config",
            "view");
    assertEquals(0, view.exitCode(), view.describe());
    assertTrue(view.out().contains("output: wide  # zonecost.yaml:"), view.describe());
    assertTrue(view.out().contains("sort-by: cost  # zonecost.yaml:"), view.describe());
    CliRun check =
        CliRun.run(
            Clock.systemUTC(),
            Map.of("HOME", "/nonexistent"),
            Path.of("").toAbsolutePath(),
            "--config",
            "examples/zonecost.yaml",
            "config",
            "view",
            "--command",
            "check");
    assertTrue(check.out().contains("max-cross-zone-ratio: 0.25"), check.describe());
  }
}
