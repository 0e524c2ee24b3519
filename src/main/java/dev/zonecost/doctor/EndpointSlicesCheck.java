package dev.zonecost.doctor;

import static dev.zonecost.promql.RangeFunctions.countSeries;

import dev.zonecost.promql.LabelNames;

/**
 * Does kube-state-metrics export EndpointSlices beside Services: without them every Service looks
 * without endpoints, so {@code advise} and {@code check --max-avoidable-cost} would call every
 * Service "no-endpoints" with nothing avoidable (they exit 5 instead).
 */
public final class EndpointSlicesCheck implements Check {
  public static final String NAME = "endpointslices";

  @Override
  public CheckResult run(DoctorContext ctx) {
    long services =
        ctx.number(countSeries(ctx.scope().selector(LabelNames.SERVICE_INFO), ctx.range()));
    long slices =
        ctx.number(
            countSeries(ctx.scope().selector(LabelNames.ENDPOINTSLICE_ENDPOINTS), ctx.range()));
    if (services == 0) {
      return CheckResult.info(NAME, "not measured: no kube_service_info")
          .with("endpointSliceSeries", slices);
    }
    if (slices == 0) {
      return CheckResult.warn(
              NAME,
              services
                  + " Services and no "
                  + LabelNames.ENDPOINTSLICE_ENDPOINTS
                  + " series: advise and check --max-avoidable-cost cannot see any endpoint"
                  + " (they exit 5)",
              "enable kube-state-metrics' endpointslices collector"
                  + " (--resources=...,endpointslices; the chart's collectors list)")
          .with("serviceSeries", services)
          .with("endpointSliceSeries", 0L);
    }
    return CheckResult.ok(NAME, slices + " endpoint series for " + services + " Service series")
        .with("serviceSeries", services)
        .with("endpointSliceSeries", slices);
  }
}
