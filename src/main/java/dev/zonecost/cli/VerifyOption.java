package dev.zonecost.cli;

import dev.zonecost.advise.AdviseService;
import dev.zonecost.advise.VerificationReport;
import dev.zonecost.advise.VerifyService;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ServiceTopologyReader;
import dev.zonecost.time.TimeParsing;
import dev.zonecost.time.TimeWindow;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Option;

/** {@code advise --verify}: the earlier window whose prediction the current window checks. */
public final class VerifyOption {
  @Option(
      names = "--verify",
      paramLabel = "START/END",
      description =
          "Check the routing you turned on: predict each Service's saving from this earlier"
              + " window (before the switch; RFC 3339 or Unix seconds, e.g."
              + " 2026-11-01T00:00:00Z/2026-11-02T00:00:00Z) and hold it against what the window"
              + " (--since/--start/--end) measures, with why a Service fell short. Exit 3 when one"
              + " did.")
  String before;

  boolean given() {
    return before != null;
  }

  /** The earlier window: two instants around one '/', ending no later than {@code now} starts. */
  TimeWindow window(TimeWindow now) {
    int slash = before.indexOf('/');
    if (slash < 0 || slash != before.lastIndexOf('/')) {
      throw new UsageException(
          "--verify "
              + before
              + ": give the earlier window as START/END, e.g."
              + " 2026-11-01T00:00:00Z/2026-11-02T00:00:00Z");
    }
    Instant start = TimeParsing.instant(before.substring(0, slash));
    Instant end = TimeParsing.instant(before.substring(slash + 1));
    if (!start.isBefore(end)) {
      throw new UsageException(
          "--verify "
              + before
              + ": the earlier window is empty ("
              + start
              + " is not before "
              + end
              + ")");
    }
    if (end.isAfter(now.start())) {
      throw new UsageException(
          "--verify "
              + before
              + ": the earlier window must end by the window's start ("
              + now.start()
              + "): move --start/--since past the switch");
    }
    return new TimeWindow(start, end);
  }

  VerificationReport verify(
      AdviseOptions.Prepared prepared,
      AnalysisOptions analysis,
      TimeWindow now,
      Environment env,
      PrintWriter err,
      boolean verbose) {
    TimeWindow earlier = window(now);
    EngineRequest after = analysis.request(now);
    EngineRequest before = after.withWindow(earlier.start(), earlier.end());
    return analysis.withClient(
        env,
        err,
        verbose,
        (reports, api) ->
            new VerifyService(
                    new AdviseService(
                        r -> reports.report(r),
                        r -> new ServiceTopologyReader(api).read(r),
                        analysis.prices()))
                .verify(before, after, prepared.version(), prepared.datapath(), prepared.specs()));
  }
}
