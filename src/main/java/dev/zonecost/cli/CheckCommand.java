package dev.zonecost.cli;

import dev.zonecost.check.AvoidableCost;
import dev.zonecost.check.CheckFormat;
import dev.zonecost.check.Gate;
import dev.zonecost.check.MarkdownSummary;
import dev.zonecost.check.Verdict;
import dev.zonecost.check.VerdictRenderer;
import dev.zonecost.common.AtomicFile;
import dev.zonecost.report.RowOrder;
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
    name = "check",
    description = {
      "The CI gate: the report's analysis plus thresholds and an optional baseline; exit 3 when"
          + " one is breached."
    },
    footer = {
      "  zonecost check --since 24h --max-cross-zone-ratio 0.25 --max-cross-zone-cost 50 \\",
      "      --cost-basis month --max-unknown-ratio 0.1",
      "  zonecost report --since 24h -o json --output-file baseline.json",
      "  zonecost check --since 24h --baseline baseline.json --max-increase 10%%",
      "  zonecost check ... --summary-file \"$GITHUB_STEP_SUMMARY\" --junit-file zonecost.xml",
      "  zonecost check --since 24h --max-avoidable-cost 20 --cost-basis month",
      "  zonecost check --since 24h --source istio --max-cross-zone-ratio 0.25"
    })
public final class CheckCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin ThresholdOptions thresholds;
  @Mixin AnalysisOptions analysis;
  @Mixin AdviseOptions advise;
  @Mixin BillOptions bill;

  @Option(
      names = "--min-bill-coverage",
      paramLabel = "PCT",
      description =
          "Fail when the measured cross-zone bytes explain less than PCT%% of the bill's"
              + " inter-zone bytes (with --bill; see reconcile).")
  String minBillCoverage;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--warn-only",
      description = "Print breaches but exit 0 instead of 3 (other failures keep their code).")
  boolean warnOnly;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = Candidates.CheckFormatValues.class,
      description = "Verdict format on stdout: table (default) or json.")
  CheckFormat format;

  @Option(
      names = "--summary-file",
      paramLabel = "FILE",
      description = "Append a Markdown summary here, e.g. \"$GITHUB_STEP_SUMMARY\".")
  Path summaryFile;

  @Option(
      names = "--junit-file",
      paramLabel = "FILE",
      description = "Write JUnit XML here: one test case per check (atomically).")
  Path junitFile;

  public CheckCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    TimeWindow window = analysis.time.window(clock);
    // --min-bill-coverage is a limit of its own: no threshold of the report's is needed then
    thresholds.allowEmpty |= minBillCoverage != null;
    Gate gate = thresholds.gate(); // everything the user typed is checked before a query
    java.math.BigDecimal avoidable = thresholds.maxAvoidableCost();
    AdviseOptions.Prepared prepared = avoidable == null ? null : advise.prepare();
    java.math.BigDecimal minCoverage = BillCoverageText.parse(minBillCoverage, bill.given());
    PrintWriter err = spec.commandLine().getErr();
    Verdict judged =
        gate.judge(
            analysis.report(
                window,
                env,
                err,
                verbose.verbose,
                RowOrder.SortBy.BYTES,
                null,
                thresholds.allowClippedWindow));
    Verdict verdict = judged;
    if (prepared != null) {
      var advice = prepared.advise(analysis, window, env, err, verbose.verbose).advice();
      var checks = new java.util.ArrayList<>(judged.checks());
      checks.add(AvoidableCost.evaluate(advice, avoidable, thresholds.costBasis()));
      verdict = new Verdict(checks, judged.notes());
    }
    if (minCoverage != null) {
      var checks = new java.util.ArrayList<>(verdict.checks());
      var r = bill.reconcile(analysis, analysis.request(window), null, env, err, verbose.verbose);
      checks.add(dev.zonecost.check.BillCoverage.evaluate(r, minCoverage));
      verdict = new Verdict(checks, verdict.notes());
    }
    final Verdict done = verdict;
    format.renderer(warnOnly).write(verdict, spec.commandLine().getOut());
    if (junitFile != null) {
      AtomicFile.write(junitFile, w -> VerdictRenderer.junit().write(done, w));
    }
    if (summaryFile != null) {
      MarkdownSummary.append(summaryFile, verdict, window.start() + " .. " + window.end());
    }
    if (!verdict.breached()) {
      return ExitCodes.OK;
    }
    err.println("zonecost: " + verdict.headline() + (warnOnly ? " (--warn-only: exit 0)" : ""));
    return warnOnly ? ExitCodes.OK : ExitCodes.BREACH;
  }
}
