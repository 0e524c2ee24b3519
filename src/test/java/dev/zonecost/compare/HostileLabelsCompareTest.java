package dev.zonecost.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.check.Traffic;
import dev.zonecost.render.HostileLabelsRenderTestAccess;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 29 rows 6 and 11: --compare-to's table and CSV with hostile label values. */
class HostileLabelsCompareTest {
  @Test
  void should_show_control_characters_in_the_table_and_guard_the_csv() throws Exception {
    Traffic before = Traffic.of(HostileLabelsRenderTestAccess.report("\u001b]0;pwned\u0007"));
    Traffic after = Traffic.of(HostileLabelsRenderTestAccess.report("=1+1"));
    Comparison c = Comparison.of("before\u001b[2J.json", "after.json", before, after);
    StringWriter table = new StringWriter();
    ComparisonRenderers.of("table", true).render(c, table);
    String text = table.toString();
    assertFalse(text.indexOf('\u001b') >= 0 || text.indexOf('\u0007') >= 0, text);
    assertTrue(text.contains("\\u001b]0;pwned\\u0007"), text);
    StringWriter csv = new StringWriter();
    ComparisonRenderers.of("csv", false).render(c, csv);
    assertFalse(csv.toString().contains(",=1+1"), csv.toString());
  }
}
