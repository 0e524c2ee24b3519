package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import dev.zonecost.reconcile.ReconcileRow;
import dev.zonecost.reconcile.Reconciliation;
import dev.zonecost.reconcile.ResourceKind;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every view of one reconciliation compared with its golden file under src/test/resources/golden/
 * ({@code reconcile.FORMAT.txt}). Refresh after an intended change with {@code mvn test
 * -Dtest=ReconcileGoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class ReconcileGoldenFilesTest {
  /** Two hours: a node with reasons, one covered whole, an instance, a NAT gateway, totals. */
  static Reconciliation sample() {
    Instant h0 = Instant.parse("2026-11-01T00:00:00Z");
    Instant h1 = h0.plus(Duration.ofHours(1));
    Instant h2 = h1.plus(Duration.ofHours(1));
    ReconcileRow a =
        new ReconcileRow(
            h0,
            h1,
            "i-0aaa",
            ResourceKind.NODE,
            "node-a",
            "us-east-1a",
            2_000_000_000L,
            1_500_000_000L,
            new BigDecimal("0.035"),
            "USD",
            1_600_000_000L,
            1_400_000_000L,
            100_000_000L,
            0,
            List.of("1 host-network pod on the node (kube-system/agent-<x>)"));
    ReconcileRow b =
        new ReconcileRow(
            h0,
            h1,
            "i-0bbb",
            ResourceKind.NODE,
            "node-b",
            "us-east-1b",
            1_000_000_000L,
            1_000_000_000L,
            new BigDecimal("0.02"),
            "USD",
            1_000_000_000L,
            1_000_000_000L,
            0,
            0,
            List.of());
    ReconcileRow nat =
        billedOnly(
            h0,
            h1,
            "arn:aws:ec2:us-east-1:1:natgateway/nat-0c",
            ResourceKind.NAT_GATEWAY,
            120_000_000L,
            0,
            "0.0012",
            "a NAT gateway: traffic through it is billed to it, not to the nodes");
    ReconcileRow t0 =
        new ReconcileRow(
            h0,
            h1,
            "total",
            null,
            "",
            "",
            3_120_000_000L,
            2_500_000_000L,
            new BigDecimal("0.0562"),
            "USD",
            2_600_000_000L,
            2_400_000_000L,
            100_000_000L,
            0,
            List.of());
    ReconcileRow other =
        billedOnly(
            h1,
            h2,
            "i-0feed",
            ResourceKind.INSTANCE,
            700_000_000L,
            300_000_000L,
            "0.01",
            "an instance that is not a node of this cluster");
    ReconcileRow t1 = billedOnly(h1, h2, "total", null, 700_000_000L, 300_000_000L, "0.01");
    return new Reconciliation(
        h0,
        h2,
        h0,
        h2,
        Duration.ofHours(1),
        Duration.ofHours(1),
        "GB (10^9 bytes)",
        List.of(a, b, nat, t0, other, t1),
        List.of("12 of 40 bill rows are inter-zone data transfer; left out: 4 credits"));
  }

  /** A row of the bill with nothing measured against it (no node, no zone), in USD. */
  private static ReconcileRow billedOnly(
      Instant from,
      Instant to,
      String resource,
      ResourceKind kind,
      long billedOut,
      long billedIn,
      String cost,
      String... reasons) {
    return new ReconcileRow(
        from,
        to,
        resource,
        kind,
        "",
        "",
        billedOut,
        billedIn,
        new BigDecimal(cost),
        "USD",
        0,
        0,
        0,
        0,
        List.of(reasons));
  }

  @ParameterizedTest
  @EnumSource(
      value = OutputFormat.class,
      names = {"TABLE", "WIDE", "CSV", "JSON", "MARKDOWN", "HTML"})
  void should_render_exactly_the_golden_file(OutputFormat format) throws Exception {
    StringWriter out = new StringWriter();
    ReconcileRenderers.of(format, true).render(sample(), out);
    GoldenFilesTest.assertGolden(
        "reconcile." + format.name().toLowerCase() + ".txt", out.toString());
  }

  @Test
  void html_escapes_what_the_data_holds_and_carries_exact_bytes() throws Exception {
    StringWriter out = new StringWriter();
    ReconcileRenderers.of(OutputFormat.HTML, true).render(sample(), out);
    String html = out.toString();
    assertTrue(html.contains("kube-system/agent-&lt;x&gt;"), html);
    assertTrue(html.contains("data-bytes=\"6620000000\""), html); // billed, both hours
  }

  @Test
  void yaml_is_refused_in_one_line() {
    UsageException e =
        assertThrows(UsageException.class, () -> ReconcileRenderers.of(OutputFormat.YAML, true));
    assertTrue(e.getMessage().contains("html"), e.getMessage());
  }
}
