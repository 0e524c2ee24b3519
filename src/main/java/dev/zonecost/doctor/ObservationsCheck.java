package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.over;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.ObservationsPerByte;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.Zones;
import dev.zonecost.engine.TrafficEngine;
import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The observations per byte actually in effect, measured against the kernel (DESIGN §3): per
 * observed pod, the bytes the accounting attributes to it as a sender (the report's own rule,
 * {@code --dedupe auto} at the given level, per pod) over the bytes cAdvisor counted leaving its
 * interface ({@code container_network_transmit_bytes_total}), times the observations per byte the
 * level divides by. A pod Retina saw fully gives the observations in effect (2 at {@code low} where
 * pod IPs stay visible on the node interface, 1 at {@code high} or with an overlay CNI), whatever
 * share of its traffic went through Services; the median over pods is taken, and the share Retina
 * saw is its bytes over that many times the kernel's. Per node (the sending pod's) and overall.
 */
public final class ObservationsCheck implements Check {
  public static final String NAME = "observations";

  /** A measured count further than this from the level's is reported. */
  public static final double TOLERANCE = 0.10;

  public static String kernel(Scope scope, String range) {
    return "sum by (namespace, pod) (max by (namespace, pod, interface, id) ("
        + over(
            "increase",
            scope.selector(LabelNames.CADVISOR_TRANSMIT, "pod!=\"\",interface!=\"lo\""),
            range)
        + "))";
  }

  /** Observations per byte per observing node that zonecost divides by at this level. */
  public static int expected(DataAggregationLevel level) {
    return ObservationsPerByte.acrossNodes(level);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaPairs()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_PAIRS);
    }
    Map<String, Double> kernel = new HashMap<>();
    for (Series s : ctx.query(kernel(ctx.scope(), ctx.range()))) {
      kernel.put(s.label("namespace") + "/" + s.label("pod"), value(s));
    }
    if (kernel.isEmpty()) {
      return CheckResult.info(
          NAME,
          "not measured: no container_network_transmit_bytes_total (scrape kubelet's"
              + " /metrics/cadvisor to measure the observations per byte)");
    }
    Map<String, String> node = new HashMap<>();
    for (Series s : ctx.query(ZoneAgreementCheck.podNodes(ctx.scope(), ctx.range()))) {
      node.putIfAbsent(s.label("namespace") + "/" + s.label("pod"), s.label("node"));
    }
    Map<String, List<Double>> ratios = new TreeMap<>();
    Map<String, double[]> sums = new TreeMap<>();
    List<Double> all = new ArrayList<>();
    double retinaAll = 0;
    double kernelAll = 0;
    Map<String, Double> attributed = new TreeMap<>();
    List<TrafficRow> rows =
        new TrafficEngine(ctx.api(), ctx.parallelism()).run(ctx.engineRequest(GroupBy.POD)).rows();
    for (TrafficRow row : rows) {
      if (!Zones.isUnknown(row.key().source().namespace())) {
        attributed.merge(
            row.key().source().namespace() + "/" + row.key().source().name(),
            (double) row.bytes() * expected(ctx.level),
            Double::sum);
      }
    }
    for (Map.Entry<String, Double> e : attributed.entrySet()) {
      String pod = e.getKey();
      Double k = kernel.get(pod);
      double r = e.getValue();
      if (k == null || k <= 0 || r <= 0) {
        continue;
      }
      String n = node.getOrDefault(pod, "(unknown node)");
      ratios.computeIfAbsent(n, x -> new ArrayList<>()).add(r / k);
      double[] sum = sums.computeIfAbsent(n, x -> new double[2]);
      sum[0] += r;
      sum[1] += k;
      all.add(r / k);
      retinaAll += r;
      kernelAll += k;
    }
    if (all.isEmpty()) {
      return CheckResult.info(NAME, "not measured: no observed pod has cAdvisor bytes");
    }
    double perByte = median(all);
    int whole = Math.max(1, (int) Math.round(perByte));
    double share = retinaAll / (whole * kernelAll);
    String implied = whole >= 2 ? "low" : "high";
    Map<String, Object> perNode = new TreeMap<>();
    StringBuilder nodesText = new StringBuilder();
    for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
      double m = median(e.getValue());
      double[] sum = sums.get(e.getKey());
      double sh = sum[0] / (Math.max(1, Math.round(m)) * sum[1]);
      Map<String, Object> v = new TreeMap<>();
      v.put("observationsPerByte", round(m));
      v.put("share", round(sh));
      v.put("pods", (long) e.getValue().size());
      perNode.put(e.getKey(), v);
      nodesText
          .append(nodesText.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s %.2f/%.0f%%", e.getKey(), m, 100 * sh));
    }
    int want = expected(ctx.level);
    String measured =
        String.format(
            Locale.ROOT,
            "%.2f observations per byte (median of %d pods against cAdvisor), Retina saw %.1f%%"
                + " of their bytes; implies --data-aggregation-level %s; per node: %s",
            perByte,
            all.size(),
            100 * share,
            implied,
            nodesText);
    CheckResult r;
    if (Math.abs(perByte - want) / want > TOLERANCE) {
      r =
          CheckResult.warn(
                  NAME,
                  measured,
                  String.format(
                      Locale.ROOT,
                      "--data-aggregation-level %s divides by %d, but each byte is observed %.2f"
                          + " times per node (an overlay CNI makes low observe once): run reports"
                          + " with --data-aggregation-level %s, or every byte is off by a factor"
                          + " of %.2f",
                      ctx.level.label(),
                      want,
                      perByte,
                      implied,
                      perByte / want))
              .hint(FixHint.RETINA_LEVEL);
    } else {
      r = CheckResult.ok(NAME, measured);
    }
    return r.with("observationsPerByte", round(perByte))
        .with("share", round(share))
        .with("impliedLevel", implied)
        .with("level", ctx.level.label())
        .with("pods", (long) all.size())
        .with("perNode", perNode);
  }

  private static double value(Series s) {
    double v = s.samples().isEmpty() ? 0 : s.samples().get(0).value();
    return Double.isFinite(v) ? v : 0;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
