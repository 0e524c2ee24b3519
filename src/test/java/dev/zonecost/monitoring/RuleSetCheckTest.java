package dev.zonecost.monitoring;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 29 row 17: the rules are checked before they are written. */
class RuleSetCheckTest {
  private static ObjectNode groups(String currency, double factor) {
    PairExpression pairs =
        new PairExpression() {
          @Override
          public String over(String range) {
            return "sum(increase(x[" + range + "]))";
          }

          @Override
          public String tiled(String step) {
            // the builder's expressions span lines, as PromQL allows
            return "sum(\n  x - x offset " + step + "\n)";
          }
        };
    return RuleSet.groups(
        pairs, Duration.ofMinutes(5), new BigDecimal("1e-11"), currency, factor, 1000);
  }

  @Test
  void should_pass_the_rules_zonecost_writes() {
    RuleSet.check(groups("USD", 2));
  }

  @Test
  void should_refuse_what_promtool_would_refuse() {
    IllegalArgumentException inf =
        assertThrows(
            IllegalArgumentException.class,
            () -> RuleSet.check(groups("USD", Double.POSITIVE_INFINITY)));
    assertTrue(inf.getMessage().contains("PromQL cannot read"), inf.getMessage());
    IllegalArgumentException template =
        assertThrows(
            IllegalArgumentException.class, () -> RuleSet.check(groups("{{ $labels.x }}", 2)));
    assertTrue(template.getMessage().contains("label currency"), template.getMessage());
    ObjectNode renamed = groups("USD", 2);
    for (JsonNode g : renamed.path("groups")) {
      if (g.path("name").asText().equals("zonecost.alerts")) {
        ((ObjectNode) g.path("rules").get(0)).put("alert", "Bad\nName");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> RuleSet.check(renamed));
  }
}
