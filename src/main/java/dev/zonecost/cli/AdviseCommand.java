package dev.zonecost.cli;

import dev.zonecost.advise.AdviceReport;
import dev.zonecost.common.UsageException;
import dev.zonecost.render.AdviceFormat;
import dev.zonecost.render.AdviceRenderers;
import dev.zonecost.render.VerificationRenderers;
import dev.zonecost.render.View;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "advise",
    description = {
      "Per Service: its clients' bytes per zone, its ready endpoints per zone, today's cross-zone"
          + " bytes and cost, and what spec.trafficDistribution: PreferSameZone (PreferClose),"
          + " PreferSameNode or topology-mode: Auto would leave crossing zones and save, with the"
          + " load per zone and"
          + " the reasons a Service cannot use them. Ranked by saving; rows are always per"
          + " Service (--group-by service)."
    },
    footer = {
      "  zonecost advise --prometheus-url http://127.0.0.1:9090 --since 7d",
      "  kubectl get svc -A -o json > services.json",
      "  zonecost advise --since 7d --services-file services.json --kubernetes-version 1.33",
      "  zonecost advise --since 24h --to-namespace shop -o markdown --output-file advice.md",
      "  zonecost check --since 24h --max-avoidable-cost 100 --cost-basis month",
      "  zonecost advise --since 24h --verify 2026-11-01T00:00:00Z/2026-11-02T00:00:00Z"
    })
public final class AdviseCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin AnalysisOptions analysis;
  @Mixin AdviseOptions advise;
  @Mixin VerifyOption verify;
  @Mixin VerboseOption verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = Candidates.AdviceFormatValues.class,
      description = "Output format: table (default), csv, json, yaml or markdown.")
  AdviceFormat format;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description =
          "Write the data here instead of stdout (atomically: all or nothing). Without -o the"
              + " extension names the format (.csv, .json, .md, .yaml); one that contradicts -o,"
              + " or names a format advise does not write, is refused.")
  Path file;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv).")
  boolean noHeaders;

  public AdviseCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    var parsed = spec.commandLine().getParseResult();
    if (parsed.hasMatchedOption("--group-by")
        && analysis.accounting.groupBy != dev.zonecost.accounting.GroupBy.SERVICE) {
      throw new UsageException("advise is always per Service: leave out --group-by");
    }
    if (analysis.accounting.byCluster) {
      throw new UsageException("advise reads one cluster: use --cluster instead of --by-cluster");
    }
    format = FileFormat.of(file, parsed.hasMatchedOption("--output"), format, AdviceFormat.class);
    TimeWindow window = analysis.time.window(clock);
    AdviseOptions.Prepared prepared = advise.prepare();
    PrintWriter err = spec.commandLine().getErr();
    if (verify.given()) {
      verify.window(window);
      var checked = verify.verify(prepared, analysis, window, env, err, verbose.verbose);
      var v = VerificationRenderers.of(format, !noHeaders);
      DataOutput.write(file, spec.commandLine().getOut(), err, w -> v.render(checked, w));
      return checked.shortfalls() > 0 ? ExitCodes.BREACH : ExitCodes.OK;
    }
    var advised = prepared.advise(analysis, window, env, err, verbose.verbose);
    var whole = advised.whole();
    View<AdviceReport> view =
        format.view(
            !noHeaders,
            whole == null
                ? null
                : new AdviceRenderers.ReportTotal(
                    whole.totals().crossZone(), whole.cost().windowCost()));
    AdviceReport report = advised.advice();
    DataOutput.write(file, spec.commandLine().getOut(), err, w -> view.render(report, w));
    return ExitCodes.OK;
  }
}
