package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RangeSemanticsTest {
  @Test
  void should_read_the_servers_version_in_auto_mode() {
    assertFalse(RangeSemantics.AUTO.leftOpen(Optional.of("2.42.0+ds")));
    assertTrue(RangeSemantics.AUTO.leftOpen(Optional.of("3.1.0")));
    assertTrue(RangeSemantics.AUTO.leftOpen(Optional.of("v3.0.0-rc.0")));
    assertTrue(RangeSemantics.AUTO.leftOpen(Optional.empty()), "no version: VictoriaMetrics");
    assertFalse(RangeSemantics.AUTO.leftOpen(Optional.of("unknown")));
  }

  @Test
  void should_obey_an_explicit_choice_whatever_the_version() {
    assertTrue(RangeSemantics.LEFT_OPEN.leftOpen(Optional.of("2.24.0")));
    assertFalse(RangeSemantics.CLOSED.leftOpen(Optional.empty()));
  }

  @Test
  void should_parse_the_options_spelling() {
    assertEquals(RangeSemantics.LEFT_OPEN, RangeSemantics.parse("left-open"));
    assertEquals(RangeSemantics.CLOSED, RangeSemantics.parse("Closed"));
    assertThrows(UsageException.class, () -> RangeSemantics.parse("open"));
  }
}
