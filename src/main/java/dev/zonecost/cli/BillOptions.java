package dev.zonecost.cli;

import dev.zonecost.bill.Bill;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.reconcile.ReconcileService;
import dev.zonecost.reconcile.Reconciliation;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The bill a reconciliation reads, and how its amounts are read. */
public final class BillOptions {
  @Option(
      names = "--bill",
      paramLabel = "FILE",
      description =
          "A cost-and-usage export part: AWS CUR 2.0 / Data Exports, legacy CUR or FOCUS CSV, or"
              + " GCP's billing export CSV; gzip or not; repeat for every part.")
  List<Path> files;

  @Option(
      names = "--bill-unit",
      paramLabel = "UNIT",
      defaultValue = "gb",
      description =
          "What the bill's GB is: gb (10^9 bytes, default) or gib (2^30); GCP's bytes are bytes.")
  String unit;

  boolean given() {
    return files != null && !files.isEmpty();
  }

  BigDecimal bytesPerGb() {
    return switch (unit.toLowerCase(java.util.Locale.ROOT)) {
      case "gb" -> new BigDecimal("1000000000");
      case "gib" -> BigDecimal.valueOf(1L << 30);
      default -> throw new UsageException("--bill-unit must be gb or gib, not " + unit);
    };
  }

  String unitLabel() {
    return bytesPerGb().longValue() == 1_000_000_000L ? "GB (10^9 bytes)" : "GiB (2^30 bytes)";
  }

  /** Reads the bill, then measures the window against it. */
  Reconciliation reconcile(
      AnalysisOptions analysis,
      EngineRequest request,
      Duration every,
      Environment env,
      PrintWriter err,
      boolean verbose) {
    if (!given()) {
      throw new UsageException("give the bill with --bill FILE (once per part)");
    }
    BigDecimal perGb = bytesPerGb(); // checked before reading
    Bill bill = Bill.read(files, perGb);
    PriceSelection prices = new CostEstimator(analysis.pricing.selection()).selection();
    return analysis.withClient(
        env,
        err,
        verbose,
        (service, api) ->
            new ReconcileService(api, analysis.read.settings(analysis.parallelism(), err))
                .reconcile(
                    request,
                    bill,
                    every,
                    unitLabel(),
                    prices.rates().sourcePerUnit(),
                    prices.unit().bytes()));
  }
}
