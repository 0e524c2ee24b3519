package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.monitoring.Dashboard;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "dashboard",
    description = {
      "A Grafana dashboard (JSON model to import): zone x zone bytes, cross-zone bytes per zone"
          + " pair over time, top workload pairs and cross-zone cost. Built on `query --grafana`'s"
          + " expression: less exact than report."
    },
    footer = {"  zonecost dashboard --cloud aws --output-file zonecost-dashboard.json"})
public final class DashboardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MonitoringOutput monitoring;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "Workload pairs in the top pairs panel (default: 20).")
  int top;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new UsageException("--top must be 1 or more, not " + top);
    }
    monitoring.write(
        Dashboard.model(
            monitoring.expression(),
            monitoring.pricePerByte(),
            monitoring.currency(),
            top,
            monitoring.caveats()),
        false,
        spec);
    return ExitCodes.OK;
  }
}
