package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;
import static dev.zonecost.promql.RangeFunctions.over;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.util.Map;
import java.util.TreeMap;

/**
 * Do the Retina agents lose events: {@code controlplane_networkobservability_lost_events_counter}
 * (Retina v1.2.6 pkg/metrics: labels {@code type} kernel|enricher_ring|buffered_channel|
 * external_channel and {@code reason}, the plugin). A lost packet event is a packet whose bytes are
 * missing from the forward counters.
 */
public final class LostEventsCheck implements Check {
  public static final String NAME = "lost events";
  public static final String METRIC = "controlplane_networkobservability_lost_events_counter";

  public static String present(Scope scope, String range) {
    return countSeries(scope.selector(METRIC), range);
  }

  public static String perAgent(Scope scope, String range) {
    return "sum by (instance, type) (" + over("increase", scope.selector(METRIC), range) + ")";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (ctx.number(present(ctx.scope(), ctx.range())) == 0) {
      return CheckResult.info(NAME, METRIC + ": no series (agents not scraped, or Retina too old)");
    }
    Map<String, Long> byAgent = new TreeMap<>();
    Map<String, Long> byType = new TreeMap<>();
    for (Series s : ctx.query(perAgent(ctx.scope(), ctx.range()))) {
      double v = s.samples().isEmpty() ? 0 : s.samples().get(0).value();
      long n = Double.isNaN(v) ? 0 : Math.round(v);
      if (n > 0) {
        byAgent.merge(s.label("instance"), n, Long::sum);
        byType.merge(s.label("type"), n, Long::sum);
      }
    }
    long total = byAgent.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return CheckResult.ok(NAME, "no agent lost events in the window").with("lostEvents", 0L);
    }
    StringBuilder top = new StringBuilder();
    byAgent.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(3)
        .forEach(
            e ->
                top.append(top.length() == 0 ? "" : ", ")
                    .append(e.getKey())
                    .append(' ')
                    .append(e.getValue()));
    return CheckResult.warn(
            NAME,
            total
                + " events lost by "
                + byAgent.size()
                + " agents in the window (by type "
                + byType
                + "; most: "
                + top
                + "): the bytes of lost packets are missing, so the report under-counts",
            "give the agents room: Retina Helm packetParserRingBuffer=enabled with a larger"
                + " packetParserRingBufferSize (a power of two, e.g. 33554432), more CPU for the"
                + " retina container, or fewer observed namespaces")
        .with("lostEvents", total)
        .with("byAgent", byAgent)
        .with("byType", byType)
        .hint(FixHint.RETINA_RING_BUFFER);
  }
}
