package dev.zonecost.cli;

import static dev.zonecost.cli.AdviseCommandTest.CLOCK;
import static dev.zonecost.cli.AdviseCommandTest.URL;
import static dev.zonecost.cli.AdviseCommandTest.assertUsage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** reconcile's usage errors: one line on stderr, exit 2, nothing sent. */
class ReconcileCommandTest {
  @Test
  void reads_one_cluster() {
    CliRun r =
        CliRun.run(
            CLOCK, "reconcile", "--prometheus-url", URL, "--bill", "bill.csv", "--by-cluster");
    assertUsage(r, "reconcile reads one cluster: use --cluster instead of --by-cluster");
    assertEquals(1, r.err().strip().lines().count(), r.describe());
  }

  @Test
  void offers_html() {
    CliRun r = CliRun.run(CLOCK, "reconcile", "--help");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("json, markdown or html"), r.describe());
  }
}
