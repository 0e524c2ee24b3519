package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.engine.ByteSources;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ReportQueries;
import dev.zonecost.engine.TrafficEngine;
import dev.zonecost.promql.LabelledQuery;
import dev.zonecost.promql.Matchers;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.retina.GrafanaQuery;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "query",
    description = {
      "Prints the PromQL that 'report' sends for the same options, labelled and in order,"
          + " without contacting Prometheus. Lines starting with # are PromQL comments."
    },
    footer = {
      "  zonecost query --since 24h",
      "  zonecost query --grafana --from-namespace 'app-.*'",
      "  zonecost query --source beyla --since 24h"
    })
public final class QueryCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin TimeRangeOptions time;
  @Mixin AccountingOptions accounting;
  @Mixin VerboseOption verbose;

  @Option(
      names = "--grafana",
      description =
          "One self-contained expression for a Grafana panel ($__range), less exact than report.")
  boolean grafana;

  /** The Grafana expression and the monitoring rules are Retina's only. */
  static void requireRetina(EngineRequest request, String what) {
    ByteSource named = ByteSources.byName(request.source());
    if (named != null && named != ByteSources.RETINA) {
      throw new UsageException(
          what
              + " reads Retina's counter only; --source "
              + named.name()
              + " works with report,"
              + " check and query");
    }
  }

  public QueryCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TimeWindow window = time.window(clock);
    EngineRequest request = accounting.request(window);
    if (grafana) {
      requireRetina(request, "query --grafana");
      out.println("# zonecost: one expression for a Grafana panel, less exact than report:");
      GrafanaQuery.caveats(request.level(), request.dedupe())
          .forEach(c -> out.println("#  - " + c));
      out.println(
          GrafanaQuery.expression(
              TrafficEngine.plan(request, false), request.dedupe(), request.level()));
      return ExitCodes.OK;
    }
    ByteSource named = ByteSources.byName(request.source());
    ByteSource source = named == null ? ByteSources.RETINA : named;
    ReportQueries queries = ReportQueries.firstNames(request, false, source);
    out.printf(
        "# zonecost report: instant queries at the window's end, %s (%s), sent in parallel.%n",
        window.end(), PromqlStrings.unixSeconds(window.end()));
    out.println(
        "# On Prometheus 3 and VictoriaMetrics (left-open ranges) each range is 1 ms longer.");
    if (named != null && named != ByteSources.RETINA) {
      out.printf(
          "# Source %s: the counter's first name is shown; report reads the first name with data"
              + " (%s).%n",
          source.name(), String.join(", ", source.counters(request.names()).get(0).metricNames()));
    }
    int i = 1;
    for (LabelledQuery q : queries.instantQueries()) {
      out.printf("%n# %d. %s%n%s%n", i++, q.label(), q.promql());
    }
    out.printf(
        "%n# Reads by name, each only for the series that need it (shown for pods a and b):%n");
    for (LabelledQuery q :
        queries.readsByName(List.of(Matchers.anyOf("source_podname", List.of("a", "b"))))) {
      out.printf("%n# %d. %s%n%s%n", i++, q.label(), q.promql());
    }
    return ExitCodes.OK;
  }
}
