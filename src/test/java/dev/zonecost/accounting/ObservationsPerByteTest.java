package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.ObservationsPerByte.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every cell of the one table, written out from DESIGN §3's two tables (pod IPs; Services through
 * DNAT): at {@code low} across nodes a byte passes the opener's veth and host interface (EGRESS
 * twice) and the peer's host interface and veth (INGRESS twice); on one node EGRESS twice (pod IP)
 * or the server's veth alone (Service, INGRESS once); at {@code high} once per node, twice for a
 * same-node pod-IP pair (one agent, two veths); outside traffic once on the pod's veth.
 */
class ObservationsPerByteTest {
  @ParameterizedTest(name = "{0} {1} sameNode={2} {3} -> {4}")
  @CsvSource({
    // mode, level, same node, kind, observations per byte
    "AUTO, LOW, false, INGRESS, 2",
    "AUTO, LOW, true, INGRESS, 1",
    "AUTO, LOW, false, EGRESS, 2",
    "AUTO, LOW, true, EGRESS, 2",
    "AUTO, LOW, false, OUTSIDE, 1",
    "AUTO, LOW, true, OUTSIDE, 1",
    "AUTO, HIGH, false, INGRESS, 1",
    "AUTO, HIGH, true, INGRESS, 1",
    "AUTO, HIGH, false, EGRESS, 1",
    "AUTO, HIGH, true, EGRESS, 2",
    "AUTO, HIGH, false, OUTSIDE, 1",
    "AUTO, HIGH, true, OUTSIDE, 1",
    "AUTO, LOW, false, OUTSIDE_UNTRANSLATED, 2",
    "AUTO, LOW, true, OUTSIDE_UNTRANSLATED, 2",
    "AUTO, HIGH, false, OUTSIDE_UNTRANSLATED, 1",
    "AUTO, HIGH, true, OUTSIDE_UNTRANSLATED, 1",
    "EGRESS, LOW, false, OUTSIDE_UNTRANSLATED, 2",
    "EGRESS, LOW, false, EGRESS, 2",
    "EGRESS, LOW, true, EGRESS, 2",
    "EGRESS, HIGH, false, EGRESS, 1",
    "EGRESS, HIGH, true, EGRESS, 2",
    "EGRESS, LOW, false, OUTSIDE, 2",
    "EGRESS, HIGH, false, OUTSIDE, 1",
    "INGRESS, LOW, false, INGRESS, 2",
    "INGRESS, LOW, true, INGRESS, 1",
    "INGRESS, HIGH, false, INGRESS, 1",
    "INGRESS, HIGH, true, INGRESS, 1",
    "MAX, LOW, false, EGRESS, 2",
    "MAX, LOW, true, EGRESS, 2",
    "MAX, LOW, false, INGRESS, 2",
    "MAX, LOW, true, INGRESS, 1",
    "MAX, HIGH, false, EGRESS, 1",
    "MAX, HIGH, true, EGRESS, 2",
    "MAX, HIGH, false, INGRESS, 1",
    "MAX, HIGH, true, INGRESS, 1",
    "NONE, LOW, false, EGRESS, 1",
    "NONE, LOW, true, EGRESS, 1",
    "NONE, LOW, false, INGRESS, 1",
    "NONE, HIGH, true, EGRESS, 1",
    "NONE, HIGH, false, INGRESS, 1",
  })
  void each_cell(DedupeMode mode, DataAggregationLevel level, boolean sameNode, Kind kind, int n) {
    assertEquals(n, ObservationsPerByte.of(mode, level, sameNode, kind));
  }

  @ParameterizedTest
  @EnumSource(DataAggregationLevel.class)
  void calibration_and_doctor_check_the_across_nodes_count(DataAggregationLevel level) {
    assertEquals(level == DataAggregationLevel.LOW ? 2 : 1, ObservationsPerByte.acrossNodes(level));
  }

  @ParameterizedTest
  @EnumSource(DedupeMode.class)
  void the_note_names_the_mode_and_is_written_from_the_table(DedupeMode mode) {
    String low = ObservationsPerByte.note(mode, DataAggregationLevel.LOW);
    assertTrue(low.contains(mode.label()), low);
    if (mode == DedupeMode.INGRESS) {
      assertTrue(low.contains("divided by 2 across nodes, 1 for pods on one node"), low);
    }
    if (mode == DedupeMode.EGRESS) {
      assertTrue(
          ObservationsPerByte.note(mode, DataAggregationLevel.HIGH)
              .contains("divided by 1 across nodes, 2 for pods on one node"));
    }
  }
}
