package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.reconcile.Reconciliation;
import dev.zonecost.render.OutputFormat;
import dev.zonecost.render.ReconcileRenderers;
import dev.zonecost.render.View;
import dev.zonecost.time.TimeParsing;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "reconcile",
    description = {
      "The measurement held against the cloud bill: per billed resource (node) and whole bill"
          + " hour, billed inter-zone bytes and cost beside the measured cross-zone bytes, the"
          + " outside traffic that may explain more, and what no series explains."
    },
    footer = {
      "  zonecost reconcile --since 24h --bill part-00001.csv.gz --bill part-00002.csv.gz",
      "  zonecost reconcile --start 2026-11-01T00:00:00Z --end 2026-11-02T00:00:00Z \\",
      "      --bill focus.csv.gz --every 1h -o csv --output-file reconcile.csv",
      "  zonecost reconcile --since 7d --bill gcp-billing.csv --cloud gcp --subnets subnets.yaml"
    })
public final class ReconcileCommand implements Callable<Integer> {
  private final Clock clock;
  private final Environment env;

  @Spec CommandSpec spec;
  @Mixin BillOptions bill;
  @Mixin AnalysisOptions analysis;
  @Mixin VerboseOption verbose;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = Formats.class,
      description = "Output format: table, wide (exact bytes), csv, json, markdown or html.")
  OutputFormat format;

  /** The formats reconcile prints. */
  static final class Formats extends java.util.ArrayList<String> {
    static final java.util.List<OutputFormat> TYPES =
        java.util.List.of(
            OutputFormat.TABLE,
            OutputFormat.WIDE,
            OutputFormat.CSV,
            OutputFormat.JSON,
            OutputFormat.MARKDOWN,
            OutputFormat.HTML);

    Formats() {
      super(TYPES.stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
  }

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description =
          "Write the data here instead of stdout (atomically: all or nothing). Without -o the"
              + " extension names the format (.csv, .json, .md); one that contradicts -o, or"
              + " names a format reconcile does not write, is refused.")
  Path file;

  @Option(names = "--no-headers", description = "Leave out the header row (table, wide, csv).")
  boolean noHeaders;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description =
          "One row per resource and bucket (1h: per bill hour, 1d: per day), a multiple of the"
              + " bill's period; default: the whole window.")
  String every;

  public ReconcileCommand(Clock clock, Environment env) {
    this.clock = clock;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    if (analysis.accounting.byCluster) {
      throw new UsageException(
          "reconcile reads one cluster: use --cluster instead of --by-cluster");
    }
    boolean typed = spec.commandLine().getParseResult().hasMatchedOption("--output");
    format = FileFormat.of(file, typed, format, Formats.TYPES);
    TimeWindow window = analysis.time.window(clock);
    View<Reconciliation> view = ReconcileRenderers.of(format, !noHeaders);
    Duration buckets = every == null ? null : TimeParsing.duration(every);
    PrintWriter err = spec.commandLine().getErr();
    Reconciliation r =
        bill.reconcile(analysis, analysis.request(window), buckets, env, err, verbose.verbose);
    if (!r.start().equals(r.requestedStart()) || !r.end().equals(r.requestedEnd())) {
      err.println(
          "zonecost: window trimmed to whole bill periods: " + r.start() + " .. " + r.end());
    }
    DataOutput.write(file, spec.commandLine().getOut(), err, w -> view.render(r, w));
    return ExitCodes.OK;
  }
}
