package dev.zonecost.source.retina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.QuerySettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The panel expression and the rules' per-step form, both built, neither edited after. */
class GrafanaQueryTest {
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");
  private static final QueryPlan PLAN =
      new QueryPlan(
          new QuerySettings(
              END.minusSeconds(3600),
              END,
              DedupeMode.AUTO.directionRegex(),
              new Selection("app-.*", null, null, null),
              new MetricNames("my_bytes", "zz"),
              false,
              QuerySettings.DEFAULT_LOOK_BEHIND,
              new RetinaSource()));

  @Test
  void should_read_the_same_expression_over_any_range() {
    String panel = GrafanaQuery.expression(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW);
    assertEquals(
        panel.replace("$__range", "1h"),
        GrafanaQuery.over(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW, "1h"));
  }

  @Test
  void should_tile_time_in_steps_without_increase() {
    String sel = "my_bytes{direction=~\"(?i)ingress\", source_namespace=~\"app-.*\"}";
    String tiled = GrafanaQuery.tiled(PLAN, DedupeMode.AUTO, DataAggregationLevel.LOW, "5m");
    assertTrue(
        tiled.contains(
            "(("
                + sel
                + " - "
                + sel
                + " offset 5m) >= 0 or ("
                + sel
                + " and "
                + sel
                + " offset"
                + " 5m))"),
        tiled);
    assertTrue(tiled.contains("max_over_time(kube_pod_info[5m])"), tiled);
    assertFalse(tiled.contains("increase("), tiled);
    assertFalse(tiled.contains("$__range"), tiled);
  }
}
