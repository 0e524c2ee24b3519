package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.check.Baseline;
import dev.zonecost.check.BaselineComparison;
import dev.zonecost.check.CheckResult;
import dev.zonecost.check.CostBasis;
import dev.zonecost.check.Coverage;
import dev.zonecost.check.JUnitXmlWriter;
import dev.zonecost.check.MarkdownSummary;
import dev.zonecost.check.Pair;
import dev.zonecost.check.Quantities;
import dev.zonecost.check.Thresholds;
import dev.zonecost.check.Traffic;
import dev.zonecost.check.Verdict;
import dev.zonecost.check.VerdictJson;
import dev.zonecost.check.VerdictText;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.render.AtomicFile;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportService;
import dev.zonecost.time.TimeWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "The CI gate: the report's analysis plus thresholds and an optional baseline; exit 3 when"
          + " one is breached.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  zonecost check --since 24h --max-cross-zone-ratio 0.25 --max-cross-zone-cost 50 \\",
      "      --cost-basis month --max-unknown-ratio 0.1",
      "  zonecost report --since 24h -o json --output-file baseline.json",
      "  zonecost check --since 24h --baseline baseline.json --max-increase 10%%",
      "  zonecost check ... --summary-file \"$GITHUB_STEP_SUMMARY\" --junit-file zonecost.xml"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every check passed (or --warn-only)",
      "1:unexpected internal error (a bug; --verbose shows the stack trace)",
      "2:usage or configuration error (bad flag or threshold, unusable baseline)",
      "3:a threshold or the baseline was breached",
      "4:back end failed (unreachable, timeout, Prometheus error, malformed answer)",
      "5:not enough data (nothing matched; attributable share below --min-coverage)"
    })
public final class CheckCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;
  @Mixin PrometheusOptions prometheus;
  @Mixin ReadOptions read;
  @Mixin TimeRangeOptions time;
  @Mixin AccountingOptions accounting;
  @Mixin PricingOptions pricing;
  @Mixin VerboseOption verbose;

  @Option(
      names = "--max-cross-zone-bytes",
      paramLabel = "SIZE",
      description = "Most cross-zone bytes allowed: 5000000000, 5GB (10^9) or 5GiB (2^30).")
  String maxCrossBytes;

  @Option(
      names = "--max-cross-zone-ratio",
      paramLabel = "R",
      description = "Largest cross-zone share of all bytes allowed, 0..1 (or 25%%).")
  String maxCrossRatio;

  @Option(
      names = "--max-cross-zone-cost",
      paramLabel = "AMOUNT",
      description = "Largest cross-zone cost allowed, in the price book's currency.")
  String maxCrossCost;

  @Option(
      names = "--cost-basis",
      paramLabel = "BASIS",
      defaultValue = "window",
      description =
          "What --max-cross-zone-cost limits: window (the window's cost, default) or month (its"
              + " linear 30-day projection).")
  CostBasis costBasis;

  @Option(
      names = "--max-unknown-ratio",
      paramLabel = "R",
      description = "Largest unknown-zone share of all bytes allowed, 0..1.")
  String maxUnknownRatio;

  @Option(
      names = "--per-pair",
      description = "Apply the bytes, ratio and cost limits to each workload pair too.")
  boolean perPair;

  @Option(
      names = "--min-coverage",
      paramLabel = "R",
      description =
          "Least attributable share (1 - unknown-zone share) to judge at all; below it exit 5.")
  String minCoverage;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "A saved `zonecost report -o json` of a window of the same length to compare.")
  Path baseline;

  @Option(
      names = "--max-increase",
      paramLabel = "LIMIT",
      description =
          "Growth allowed over --baseline: 10%% (cross-zone bytes, ratio and cost) or a size"
              + " such as 5GB (cross-zone bytes). Default with --baseline: 0%%.")
  String maxIncrease;

  @Option(
      names = "--allow-empty",
      description =
          "Run even with no threshold, --baseline or --min-coverage (a gate that checks nothing"
              + " is otherwise a usage error).")
  boolean allowEmpty;

  @Option(
      names = "--warn-only",
      description = "Print breaches but exit 0 instead of 3 (other failures keep their code).")
  boolean warnOnly;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Verdict format on stdout: table (default) or json.")
  String format;

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

  public CheckCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    // Everything the user typed is checked before anything is sent.
    boolean json =
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
          case "table" -> false;
          case "json" -> true;
          default -> throw new UsageException("unknown -o '" + format + "': use table or json");
        };
    TimeWindow window = time.window(clock); // --since defaults to 24h
    Thresholds thresholds =
        new Thresholds(
            maxCrossBytes == null
                ? null
                : Quantities.bytes("--max-cross-zone-bytes", maxCrossBytes),
            maxCrossRatio == null
                ? null
                : Quantities.ratio("--max-cross-zone-ratio", maxCrossRatio),
            maxCrossCost == null ? null : Quantities.amount("--max-cross-zone-cost", maxCrossCost),
            costBasis,
            maxUnknownRatio == null
                ? null
                : Quantities.ratio("--max-unknown-ratio", maxUnknownRatio),
            perPair);
    Double coverage = minCoverage == null ? null : Quantities.ratio("--min-coverage", minCoverage);
    if (maxIncrease != null && baseline == null) {
      throw new UsageException("--max-increase needs --baseline");
    }
    if (!allowEmpty
        && maxCrossBytes == null
        && maxCrossRatio == null
        && maxCrossCost == null
        && maxUnknownRatio == null
        && minCoverage == null
        && baseline == null) {
      throw new UsageException(
          "check has nothing to check: give a limit (--max-cross-zone-bytes, --max-cross-zone-ratio,"
              + " --max-cross-zone-cost, --max-unknown-ratio), --min-coverage or --baseline"
              + " (--allow-empty runs anyway)");
    }
    Baseline base = baseline == null ? null : Baseline.read(baseline);
    BaselineComparison comparison =
        base == null
            ? null
            : new BaselineComparison(
                base,
                Quantities.increase("--max-increase", maxIncrease == null ? "0%" : maxIncrease),
                costBasis);

    CostEstimator prices = new CostEstimator(pricing.selection());
    Report report;
    try (PrometheusClient client = prometheus.client()) {
      report =
          new ReportService(
                  client,
                  read.settings(prometheus.parallelism(), spec.commandLine().getErr()),
                  VersionProvider.version(),
                  prices)
              .report(accounting.request(window));
    }
    Traffic today = Traffic.of(report);
    Coverage.require(today, coverage);
    List<CheckResult> checks = new ArrayList<>(thresholds.evaluate(today));
    List<String> notes = new ArrayList<>();
    if (comparison != null) {
      base.requireComparableTo(report);
      checks.addAll(comparison.compare(today));
      for (Pair p : comparison.newCrossZonePairs(today)) {
        notes.add("new cross-zone pair since the baseline: " + p.label());
      }
    }
    Verdict verdict = new Verdict(checks, notes);

    var out = spec.commandLine().getOut();
    if (json) {
      VerdictJson.write(verdict, warnOnly, out);
    } else {
      VerdictText.write(verdict, out);
    }
    String windowText = window.start() + " .. " + window.end();
    if (junitFile != null) {
      AtomicFile.write(junitFile, w -> JUnitXmlWriter.write(verdict, w));
    }
    if (summaryFile != null) {
      MarkdownSummary.append(summaryFile, verdict, windowText);
    }
    var err = spec.commandLine().getErr();
    if (!verdict.breached()) {
      return ExitCodes.OK;
    }
    if (warnOnly) {
      err.println("zonecost: " + verdict.headline() + " (--warn-only: exit 0)");
      return ExitCodes.OK;
    }
    err.println("zonecost: " + verdict.headline());
    return ExitCodes.BREACH;
  }
}
