package dev.zonecost.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.bill.Bill;
import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineSettings;
import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReconcileService} on a back end that answers each query by its longest matching prefix:
 * one pod pair a/p on n1 (z1) → b/q on n2 (z2), 1000 bytes in the window; n1 has a host-network pod
 * and node-exporter's counters, n2 cAdvisor's root cgroup only.
 */
class ReconcileServiceTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-02T00:00:00Z");
  private static final String HEADER =
      "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,"
          + "line_item_usage_type,line_item_operation,line_item_resource_id,"
          + "line_item_usage_amount,pricing_unit,line_item_currency_code,"
          + "line_item_unblended_cost,product_region_code\n";

  @TempDir Path tmp;

  private static final class Fake implements PrometheusApi {
    final Map<String, List<Series>> byPrefix = new HashMap<>();

    Fake() {
      byPrefix.put("resets(", List.of(forward(0)));
      // the series' first sample in the window, read by its names
      byPrefix.put(
          "min_over_time(networkobservability_adv_forward_bytes{direction=~\"(?i)egress\", dest",
          List.of(forward(500)));
      byPrefix.put("last_over_time(networkobservability_adv_forward_bytes", List.of(forward(2000)));
      byPrefix.put(
          "max by (cluster, namespace, pod", List.of(pod("a", "p", "n1"), pod("b", "q", "n2")));
      byPrefix.put(
          "max by (cluster, namespace, pod, node)", List.of(pod("kube-system", "agent-1", "n1")));
      byPrefix.put(
          "max by (cluster, node", List.of(node("n1", "us-east-1a"), node("n2", "us-east-1b")));
      byPrefix.put(
          "max by (cluster, node, provider_id",
          List.of(
              info("n1", "aws:///us-east-1a/i-01", "10.0.0.1"),
              info("n2", "aws:///us-east-1b/i-02", "")));
      byPrefix.put(
          "count by (cluster, instance)",
          List.of(new Series(Map.of("instance", "n1"), List.of(new Sample(0, 1)))));
      byPrefix.put(
          "sum by (cluster, instance) (max by (cluster, instance, device) (increase(node_network_t",
          List.of(value(Map.of("instance", "10.0.0.1:9100"), 9000)));
      byPrefix.put(
          "sum by (cluster, instance) (max by (cluster, instance, device) (increase(node_network_r",
          List.of(value(Map.of("instance", "10.0.0.1:9100"), 8000)));
      byPrefix.put(
          "sum by (cluster, node) (max by (cluster, node, interface) (increase(container_network_t",
          List.of(value(Map.of("node", "n2"), 700), value(Map.of("node", "n1"), 1)));
      byPrefix.put(
          "sum by (cluster, node) (max by (cluster, node, interface) (increase(container_network_r",
          List.of(value(Map.of("node", "n2"), 600)));
    }

    @Override
    public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
      byPrefix.entrySet().stream()
          .filter(e -> promql.startsWith(e.getKey()))
          .max((x, y) -> Integer.compare(x.getKey().length(), y.getKey().length()))
          .ifPresent(e -> e.getValue().forEach(sink));
      return new ResultInfo("vector", List.of(), List.of());
    }

    @Override
    public Optional<String> version() {
      return Optional.of("2.53.0");
    }
  }

  static Series forward(double value) {
    return value(
        Map.of(
            "direction", "EGRESS",
            "instance", "n1",
            "source_namespace", "a",
            "source_podname", "p",
            "destination_namespace", "b",
            "destination_podname", "q"),
        value);
  }

  private static Series value(Map<String, String> labels, double v) {
    return new Series(labels, List.of(new Sample(END.toEpochMilli(), v)));
  }

  private static Series pod(String ns, String pod, String node) {
    return value(Map.of("namespace", ns, "pod", pod, "node", node), 1);
  }

  private static Series node(String node, String zone) {
    return value(Map.of("node", node, "label_topology_kubernetes_io_zone", zone), 1);
  }

  private static Series info(String node, String providerId, String ip) {
    return value(Map.of("node", node, "provider_id", providerId, "internal_ip", ip), 1);
  }

  private static EngineRequest request(Instant start, Instant end) {
    return new EngineRequest(
        start, end, DedupeMode.EGRESS, DataAggregationLevel.LOW, Selection.ALL, GroupBy.WORKLOAD);
  }

  /** A CUR 2.0 bill of these rows (start, end, operation, resource, GB). */
  private Bill bill(String... rows) throws Exception {
    StringBuilder sb = new StringBuilder(HEADER);
    for (String r : rows) {
      String[] f = r.split(" ");
      sb.append("Usage,")
          .append(f[0])
          .append(',')
          .append(f[1])
          .append(",USE1-DataTransfer-Regional-Bytes,")
          .append(f[2])
          .append(',')
          .append(f[3])
          .append(',')
          .append(f[4])
          .append(",GB,USD,0.00001,us-east-1\n");
    }
    Path p = tmp.resolve("bill-" + rows.length + ".csv");
    Files.writeString(p, sb.toString());
    return Bill.read(List.of(p), new BigDecimal("1000000000"));
  }

  private static Reconciliation reconcile(Bill bill, Instant start, Instant end, Duration every) {
    return new ReconcileService(new Fake(), EngineSettings.of(2))
        .reconcile(request(start, end), bill, every, "GB (10^9 bytes)", null, null);
  }

  private static ReconcileRow row(Reconciliation r, String id) {
    return r.rows().stream().filter(x -> x.resourceId().equals(id)).findFirst().orElseThrow();
  }

  private static final String DAY = START + " " + END;

  @Test
  void a_daily_bill_is_compared_per_node_over_its_day() throws Exception {
    Reconciliation r =
        reconcile(
            bill(
                DAY + " InterZone-Out i-01 0.0000015",
                DAY + " InterZone-In i-02 0.00000075",
                DAY + " InterZone-Out i-0feed 0.000002"),
            START,
            END,
            null);
    assertEquals(Duration.ofDays(1), r.granularity());
    ReconcileRow n1 = row(r, "i-01");
    assertEquals(ResourceKind.NODE, n1.kind());
    assertEquals("n1", n1.node());
    assertEquals(1500, n1.billedOut());
    assertEquals(750, n1.measuredCrossOut());
    assertEquals(750, n1.unexplainedOut());
    ReconcileRow n2 = row(r, "i-02");
    assertEquals(750, n2.billedIn());
    assertEquals(750, n2.measuredCrossIn());
    assertEquals(0, n2.unexplainedIn());
    assertEquals(List.of(), n2.reasons());
    assertEquals(ResourceKind.INSTANCE, row(r, "i-0feed").kind());
    assertEquals(4250, r.totals().get(0).billedOut() + r.totals().get(0).billedIn());
  }

  @Test
  void the_gap_names_the_host_network_pod_and_the_nic_total_of_the_nodes_own_exporter()
      throws Exception {
    Reconciliation r =
        reconcile(
            bill(DAY + " InterZone-Out i-01 0.0000015", DAY + " InterZone-In i-02 0.000002"),
            START,
            END,
            null);
    String n1 = String.join("\n", row(r, "i-01").reasons());
    assertTrue(n1.contains("1 host-network pod on the node (kube-system/agent-1)"), n1);
    // node-exporter first: cAdvisor's figure for n1 is not used
    assertTrue(n1.contains("the node sent 9000 bytes and received 8000 bytes in total"), n1);
    assertTrue(n1.contains("(node-exporter)"), n1);
    String n2 = String.join("\n", row(r, "i-02").reasons());
    assertTrue(n2.contains("sent 700 bytes and received 600 bytes in total (cAdvisor)"), n2);
    assertTrue(!n2.contains("host-network"), n2);
  }

  @Test
  void a_daily_bill_refuses_hourly_buckets() throws Exception {
    Bill b = bill(DAY + " InterZone-Out i-01 0.0000015");
    UsageException e =
        assertThrows(UsageException.class, () -> reconcile(b, START, END, Duration.ofHours(1)));
    assertTrue(e.getMessage().contains("--every 1d"), e.getMessage());
  }

  @Test
  void the_window_is_trimmed_to_whole_bill_hours_and_says_so() throws Exception {
    Instant h1 = START.plus(Duration.ofHours(1));
    Instant h2 = START.plus(Duration.ofHours(2));
    Reconciliation r =
        reconcile(
            bill(h1 + " " + h2 + " InterZone-Out i-01 0.000001"),
            START.plusSeconds(600),
            h2.plusSeconds(600),
            null);
    assertEquals(h1, r.start());
    assertEquals(h2, r.end());
    assertTrue(
        r.notes().get(0).startsWith("window trimmed to the bill's whole hours"),
        r.notes().toString());
  }

  @Test
  void a_bill_of_another_account_says_so() throws Exception {
    Bill b = bill(DAY + " InterZone-Out i-0other 0.000001");
    NoDataException e = assertThrows(NoDataException.class, () -> reconcile(b, START, END, null));
    assertTrue(e.getMessage().contains("another account"), e.getMessage());
  }

  @Test
  void a_node_name_in_two_clusters_is_refused_not_merged() throws Exception {
    Fake api = new Fake();
    api.byPrefix.put(
        "max by (cluster, node, provider_id",
        List.of(
            value(Map.of("cluster", "a", "node", "n1", "provider_id", "aws:///us-east-1a/i-01"), 1),
            value(
                Map.of("cluster", "b", "node", "n1", "provider_id", "aws:///us-east-1b/i-09"), 1)));
    Bill b = bill(DAY + " InterZone-Out i-01 0.000001");
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                new ReconcileService(api, EngineSettings.of(2))
                    .reconcile(request(START, END), b, null, "GB (10^9 bytes)", null, null));
    assertEquals(
        "kube_node_info names node n1 in two clusters (cluster a and b): reconcile reads one"
            + " cluster, select it with --cluster",
        e.getMessage());
  }

  @Test
  void buckets_are_cut_at_multiples_of_every() {
    List<Instant[]> b =
        BillPeriods.cut(
            START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(5)), Duration.ofHours(2));
    List<String> got = new ArrayList<>();
    b.forEach(x -> got.add(x[0] + ".." + x[1]));
    assertEquals(
        List.of(
            "2026-11-01T01:00:00Z..2026-11-01T02:00:00Z",
            "2026-11-01T02:00:00Z..2026-11-01T04:00:00Z",
            "2026-11-01T04:00:00Z..2026-11-01T05:00:00Z"),
        got);
    assertEquals(START, BillPeriods.floor(START.plusSeconds(3599), Duration.ofHours(1)));
    assertEquals(
        START.plus(Duration.ofHours(1)),
        BillPeriods.ceil(START.plusSeconds(1), Duration.ofHours(1)));
  }
}
