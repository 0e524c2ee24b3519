package dev.zonecost.doctor;

import dev.zonecost.accounting.TrafficAggregator.Provenance;
import java.util.Locale;

/**
 * Service traffic (DESIGN §3, "What a real cluster emits"): how much of the traffic clients sent to
 * a ClusterIP, and whether kube-state-metrics exports Services so {@code --dedupe auto} can tell a
 * ClusterIP series (a repeat of the pod pair's bytes) from traffic leaving the cluster. Reads what
 * the attribution check measured.
 */
public final class ServicesCheck implements Check {
  public static final String NAME = "services";

  @Override
  public CheckResult run(DoctorContext ctx) {
    Provenance p = ctx.provenance;
    if (p == null) {
      return CheckResult.info(NAME, "not measured: no attributed traffic");
    }
    long counted = p.fromIngress() + p.fromEgress() + p.outside();
    double share = counted == 0 ? 0 : (double) p.serviceSeriesLeftOut() / counted;
    String measured =
        String.format(
            Locale.ROOT,
            "%.1f%% of the bytes went to a Service's ClusterIP (%d bytes of ClusterIP series, left"
                + " out as repeats of their pod pairs); by kind of series: peer INGRESS %d, opener"
                + " EGRESS %d, outside %d",
            100 * share,
            p.serviceSeriesLeftOut(),
            p.fromIngress(),
            p.fromEgress(),
            p.outside());
    CheckResult r;
    if (!p.servicesKnown() && p.outside() > 0) {
      r =
          CheckResult.warn(
              NAME,
              "no kube_service_info: "
                  + p.outside()
                  + " bytes to unknown peers may be Service traffic counted a second time",
              "export Services from kube-state-metrics (collectors: services, endpointslices;"
                  + " examples/kube-state-metrics-values.yaml)");
    } else {
      r = CheckResult.ok(NAME, measured);
    }
    return r.with("serviceShare", Math.round(share * 10000) / 10000.0)
        .with("serviceSeriesBytes", p.serviceSeriesLeftOut())
        .with("servicesKnown", p.servicesKnown());
  }
}
