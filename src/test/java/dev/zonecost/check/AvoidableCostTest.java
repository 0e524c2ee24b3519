package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.advise.AdviceReport;
import dev.zonecost.advise.Advisor;
import dev.zonecost.advise.ClusterFacts;
import dev.zonecost.advise.Datapath;
import dev.zonecost.advise.NodeCapacity;
import dev.zonecost.advise.ServiceInput;
import dev.zonecost.advise.ServiceKind;
import dev.zonecost.advise.ZoneTraffic;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceSelection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvoidableCostTest {
  static final CostEstimator PRICES =
      new CostEstimator(PriceSelection.flatPerGb(new BigDecimal("0.01")));

  static AdviceReport report(long crossing) {
    Advisor advisor =
        new Advisor(
            new ClusterFacts(null, Datapath.KUBE_PROXY, NodeCapacity.UNKNOWN, false),
            PRICES,
            Duration.ofHours(1));
    ServiceInput in =
        new ServiceInput(
            "shop",
            "api",
            List.of(
                new ZoneTraffic("a", 2 * crossing, crossing),
                new ZoneTraffic("b", 2 * crossing, crossing)),
            0,
            Map.of("a", 1.0, "b", 1.0),
            Map.of("a", 1.0, "b", 1.0),
            0,
            ServiceKind.CLUSTER_IP,
            false,
            null);
    Instant end = Instant.parse("2026-11-01T01:00:00Z");
    return new AdviceReport(
        end.minus(Duration.ofHours(1)),
        end,
        PRICES.selection().currency(),
        "flat",
        List.of(advisor.advise(in)),
        List.of());
  }

  @Test
  void breaches_when_prefer_same_zone_would_remove_more_than_the_limit() {
    AdviceReport r = report(50_000_000_000L); // 100 GB avoidable
    BigDecimal avoidable = PRICES.crossZoneCost(100_000_000_000L);
    assertEquals(avoidable, r.avoidableCost());
    CheckResult over =
        AvoidableCost.evaluate(r, avoidable.subtract(new BigDecimal("0.01")), CostBasis.WINDOW);
    assertFalse(over.passed());
    assertEquals(1, over.contributors().size());
    assertTrue(over.contributors().get(0).startsWith("shop/api"), over.contributors().toString());
    assertTrue(AvoidableCost.evaluate(r, avoidable, CostBasis.WINDOW).passed());
  }

  @Test
  void month_basis_compares_the_30_day_projection() {
    AdviceReport r = report(50_000_000_000L);
    BigDecimal window = r.avoidableCost();
    // 720 one-hour windows in 30 days
    assertEquals(0, window.multiply(BigDecimal.valueOf(720)).compareTo(r.avoidableCostMonthly()));
    assertTrue(AvoidableCost.evaluate(r, window, CostBasis.WINDOW).passed());
    assertFalse(AvoidableCost.evaluate(r, window, CostBasis.MONTH).passed());
  }
}
