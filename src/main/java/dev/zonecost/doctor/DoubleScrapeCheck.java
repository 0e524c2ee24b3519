package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeriesBy;

import dev.zonecost.prometheus.Series;
import dev.zonecost.promql.Scope;
import java.util.Map;
import java.util.TreeMap;

/**
 * Is Retina scraped by two jobs. Retina's pods carry {@code prometheus.io/scrape: "true"} (v1.2.6
 * chart, templates/daemonset.yaml), so a chart-default {@code kubernetes-pods} job scrapes them
 * too: with a dedicated job every series exists twice, under two {@code job}s (and usually two
 * {@code instance}s). Reports keep one job's copy of each series and say so (engine/ScrapeCopies),
 * so this WARNs: the set-up still stores everything twice, and a tool that sums the metric doubles.
 */
public final class DoubleScrapeCheck implements Check {
  public static final String NAME = "scraped twice";

  private static final String PAIR =
      "direction, source_ip, source_namespace, source_podname, destination_ip,"
          + " destination_namespace, destination_podname";

  public static String perJob(Scope scope, String range) {
    return countSeriesBy("job", scope.counter(), range);
  }

  /** Pair series (direction and both endpoints) that exist under more than one job. */
  public static String duplicated(Scope scope, String range) {
    return "count(count by ("
        + PAIR
        + ") ("
        + countSeriesBy("job, " + PAIR, scope.counter(), range)
        + ") > 1)";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    if (!ctx.hasRetinaSeries()) {
      return CheckResult.info(NAME, DoctorContext.NO_RETINA_SERIES);
    }
    Map<String, Long> jobs = new TreeMap<>();
    for (Series s : ctx.query(perJob(ctx.scope(), ctx.range()))) {
      jobs.put(s.label("job"), Math.round(s.samples().get(0).value()));
    }
    StringBuilder list = new StringBuilder();
    jobs.forEach(
        (j, n) ->
            list.append(list.length() == 0 ? "" : ", ")
                .append("job=\"")
                .append(j)
                .append("\": ")
                .append(n));
    if (jobs.size() < 2) {
      return CheckResult.ok(NAME, "one scrape job (" + list + " series)")
          .with("seriesByJob", jobs)
          .with("duplicated", 0L);
    }
    long dup = ctx.number(duplicated(ctx.scope(), ctx.range()));
    String measured = dup + " pod-pair series exist under more than one job (" + list + " series)";
    if (dup == 0) {
      return CheckResult.ok(NAME, "several jobs, no series in two of them (" + list + ")")
          .with("seriesByJob", jobs)
          .with("duplicated", 0L);
    }
    return CheckResult.warn(
            NAME,
            measured + ": reports count one job's copy and say so; other sums double",
            "scrape Retina once: Retina's pods carry prometheus.io/scrape=\"true\", so the"
                + " chart-default kubernetes-pods job scrapes them beside the retina job; add"
                + " `- {source_labels: [__meta_kubernetes_pod_label_k8s_app], regex: retina,"
                + " action: drop}` to the kubernetes-pods job's relabel_configs"
                + " (examples/prometheus-scrape-retina.yaml)")
        .with("seriesByJob", jobs)
        .with("duplicated", dup)
        .hint(FixHint.SCRAPE_ONCE);
  }
}
