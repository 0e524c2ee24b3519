package dev.zonecost.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zonecost.accounting.NodeBytes;
import dev.zonecost.common.AtomicFile;
import dev.zonecost.simulate.ClusterModel.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * {@code simulate --bill DIR}: the cluster's bill from its own model ({@link BillModel}) as AWS CUR
 * 2.0 (two gzip parts), the legacy CUR, FOCUS and GCP's billing export, with what a bill holds that
 * Retina cannot see (host-network traffic between nodes, the managed database in another zone), an
 * instance that is not a node, a NAT gateway, and decoys that are not inter-zone transfer (public
 * IP, internet, instance hours, credits, taxes, another region); and {@code
 * expected-reconcile.json}, per node and hour, what {@code reconcile} must print (billed from the
 * bill, measured and outside from the model's counters, with and without {@code --subnets}).
 */
public final class BillWriter {
  public static final String CUR2_PART_1 = "cur2/data/BILLING_PERIOD=2026-11/part-00001.csv.gz";
  public static final String CUR2_PART_2 = "cur2/data/BILLING_PERIOD=2026-11/part-00002.csv.gz";
  public static final String LEGACY = "legacy-cur/report-00001.csv.gz";
  public static final String FOCUS = "focus/focus-00001.csv";
  public static final String GCP = "gcp/billing-export.csv";
  public static final String EXPECTED = "expected-reconcile.json";

  /** An instance in the account that is not a node of the cluster, and a NAT gateway. */
  static final String OTHER_INSTANCE = "i-0feedfacecafe0001";

  static final String NAT =
      "arn:aws:ec2:us-east-1:" + Instances.ACCOUNT + ":natgateway/nat-0abc1234def567890";

  static final String OTHER_VM = "vm-outside-the-cluster";

  /** AWS: $0.01 per GB (10^9 bytes) and side; GCP: $0.01 per GiB, sender. */
  static final BigDecimal PER_GB_SIDE = new BigDecimal("0.01");

  private static final BigDecimal GB = new BigDecimal("1000000000");
  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  private final SimulatedCluster c;
  private final BillModel model;

  private BillWriter(SimulatedCluster c) {
    this.c = c;
    this.model = new BillModel(c);
  }

  /** Writes every format and the expected reconciliation under {@code dir}. */
  public static void write(SimulatedCluster c, Path dir) throws IOException {
    new BillWriter(c).writeAll(dir);
  }

  /** One line of the AWS bill, in the terms every AWS format shares. */
  private record Line(
      String type,
      Instant hour,
      String usageType,
      String operation,
      String resource,
      long bytes,
      BigDecimal cost,
      String region) {
    BigDecimal gb() {
      return BigDecimal.valueOf(bytes).divide(GB).stripTrailingZeros();
    }
  }

  private List<Line> awsLines() {
    List<Line> out = new ArrayList<>();
    List<Instant> hours = model.hours();
    for (Node n : c.nodes()) {
      Map<Instant, long[]> cells = model.byNode.getOrDefault(n.name(), Map.of());
      for (Instant h : hours) {
        long[] v = cells.get(h);
        String id = Instances.id(n);
        if (v != null && v[0] > 0) {
          out.add(transfer(h, "InterZone-Out", id, v[0]));
        }
        if (v != null && v[1] > 0) {
          out.add(transfer(h, "InterZone-In", id, v[1]));
        }
        out.add(
            new Line(
                "Usage",
                h,
                "USE1-BoxUsage:m5.large",
                "RunInstances",
                id,
                0,
                new BigDecimal("0.096"),
                Instances.REGION));
      }
    }
    int k = 0;
    for (Instant h : hours) {
      k++;
      out.add(transfer(h, "InterZone-Out", OTHER_INSTANCE, 700_000_000L + k * 1_000L));
      out.add(transfer(h, "InterZone-In", OTHER_INSTANCE, 300_000_000L + k * 1_000L));
      out.add(transfer(h, "InterZone-Out", NAT, 120_000_000L + k));
      String first = Instances.id(c.nodes().get(0));
      out.add(
          new Line(
              "Usage",
              h,
              "USE1-DataTransfer-Regional-Bytes",
              "PublicIP-Out",
              first,
              2_000_000_000L,
              new BigDecimal("0.02"),
              Instances.REGION));
      out.add(
          new Line(
              "Usage",
              h,
              "USE1-DataTransfer-Out-Bytes",
              "RunInstances",
              first,
              5_000_000_000L,
              new BigDecimal("0.45"),
              Instances.REGION));
      out.add(
          new Line(
              "Credit",
              h,
              "USE1-DataTransfer-Regional-Bytes",
              "InterZone-Out",
              first,
              0,
              new BigDecimal("-0.05"),
              Instances.REGION));
      out.add(
          new Line(
              "Usage",
              h,
              "USW2-DataTransfer-Regional-Bytes",
              "InterZone-Out",
              "i-0westwestwest0001",
              900_000_000L,
              new BigDecimal("0.009"),
              "us-west-2"));
    }
    return out;
  }

  private static Line transfer(Instant h, String op, String resource, long bytes) {
    BigDecimal cost = BigDecimal.valueOf(bytes).multiply(PER_GB_SIDE).divide(GB);
    return new Line(
        "Usage",
        h,
        "USE1-DataTransfer-Regional-Bytes",
        op,
        resource,
        bytes,
        cost,
        Instances.REGION);
  }

  private void writeAll(Path dir) throws IOException {
    List<Line> lines = awsLines();
    int half = lines.size() / 2;
    csv(dir.resolve(CUR2_PART_1), cur2Header(), lines.subList(0, half), this::cur2);
    csv(dir.resolve(CUR2_PART_2), cur2Header(), lines.subList(half, lines.size()), this::cur2);
    csv(dir.resolve(LEGACY), legacyHeader(), lines, this::cur2);
    csv(dir.resolve(FOCUS), focusHeader(), lines, this::focus);
    gcp(dir.resolve(GCP));
    AtomicFile.write(dir.resolve(EXPECTED), this::expected);
  }

  private interface Cells {
    List<String> of(Line l);
  }

  private static List<String> cur2Header() {
    return List.of(
        "identity_line_item_id",
        "bill_payer_account_id",
        "line_item_usage_account_id",
        "line_item_line_item_type",
        "line_item_usage_start_date",
        "line_item_usage_end_date",
        "line_item_product_code",
        "line_item_usage_type",
        "line_item_operation",
        "line_item_resource_id",
        "line_item_usage_amount",
        "pricing_unit",
        "line_item_currency_code",
        "line_item_unblended_cost",
        "product_region_code");
  }

  private static List<String> legacyHeader() {
    return List.of(
        "identity/LineItemId",
        "bill/PayerAccountId",
        "lineItem/UsageAccountId",
        "lineItem/LineItemType",
        "lineItem/UsageStartDate",
        "lineItem/UsageEndDate",
        "lineItem/ProductCode",
        "lineItem/UsageType",
        "lineItem/Operation",
        "lineItem/ResourceId",
        "lineItem/UsageAmount",
        "pricing/unit",
        "lineItem/CurrencyCode",
        "lineItem/UnblendedCost",
        "product/regionCode");
  }

  private int lineId;

  private List<String> cur2(Line l) {
    return List.of(
        "li-" + (++lineId),
        Instances.ACCOUNT,
        Instances.ACCOUNT,
        l.type(),
        l.hour().toString(),
        l.hour().plus(BillModel.HOUR).toString(),
        "AmazonEC2",
        l.usageType(),
        l.operation(),
        l.resource(),
        l.gb().toPlainString(),
        l.usageType().contains("BoxUsage") ? "Hrs" : "GB",
        "USD",
        l.cost().toPlainString(),
        l.region());
  }

  private static List<String> focusHeader() {
    return List.of(
        "BillingAccountId",
        "ChargeCategory",
        "ChargePeriodStart",
        "ChargePeriodEnd",
        "ServiceName",
        "x_UsageType",
        "x_Operation",
        "ResourceId",
        "ConsumedQuantity",
        "ConsumedUnit",
        "BilledCost",
        "BillingCurrency",
        "RegionId",
        "ChargeDescription");
  }

  private List<String> focus(Line l) {
    return List.of(
        Instances.ACCOUNT,
        l.type(),
        l.hour().toString(),
        l.hour().plus(BillModel.HOUR).toString(),
        "Amazon Elastic Compute Cloud",
        l.usageType(),
        l.operation(),
        l.resource(),
        l.gb().toPlainString(),
        l.usageType().contains("BoxUsage") ? "Hrs" : "GB",
        l.cost().toPlainString(),
        "USD",
        l.region(),
        "$0.010 per GB - regional data transfer - in/out/between EC2 AZs or using elastic IPs or"
            + " ELB");
  }

  private void csv(Path file, List<String> header, List<Line> lines, Cells cells)
      throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream o = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8)) {
      w.write(String.join(",", header) + "\n");
      for (Line l : lines) {
        w.write(row(cells.of(l)));
      }
    }
  }

  private static String row(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (String s : cells) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
    }
    return sb.append('\n').toString();
  }

  /** GCP bills the sender: one row per node and hour of its inter-zone bytes out, in bytes. */
  private void gcp(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write(
          "billing_account_id,service.description,sku.description,usage_start_time,"
              + "usage_end_time,project.id,resource.name,location.region,cost,currency,"
              + "usage.amount,usage.unit,cost_type\n");
      int k = 0;
      for (Instant h : model.hours()) {
        k++;
        for (Node n : c.nodes()) {
          long[] v = model.byNode.getOrDefault(n.name(), Map.of()).get(h);
          if (v != null && v[0] > 0) {
            w.write(
                gcpRow(
                    h,
                    "Network Inter Zone Egress",
                    n.name(),
                    v[0],
                    gcpCost(v[0]),
                    "regular",
                    Instances.REGION));
          }
        }
        w.write(
            gcpRow(
                h,
                "Network Inter Zone Data Transfer Out",
                OTHER_VM,
                500_000_000L + k,
                gcpCost(500_000_000L + k),
                "regular",
                Instances.REGION));
        String first = c.nodes().get(0).name();
        w.write(
            gcpRow(
                h,
                "Network Internet Egress from Americas to Americas",
                first,
                3_000_000_000L,
                new BigDecimal("0.36"),
                "regular",
                Instances.REGION));
        w.write(
            gcpRow(
                h,
                "Network Inter Zone Egress",
                first,
                0,
                new BigDecimal("0.001"),
                "tax",
                Instances.REGION));
        w.write(
            gcpRow(
                h,
                "Network Inter Zone Egress",
                "vm-in-another-region",
                800_000_000L,
                gcpCost(800_000_000L),
                "regular",
                "europe-west1"));
      }
    }
  }

  private static BigDecimal gcpCost(long bytes) {
    return BigDecimal.valueOf(bytes).multiply(PER_GB_SIDE).divide(GIB);
  }

  private static String gcpRow(
      Instant h, String sku, String vm, long bytes, BigDecimal cost, String type, String region) {
    String start = h.toString().replace('T', ' ').replace("Z", " UTC");
    String end = h.plus(BillModel.HOUR).toString().replace('T', ' ').replace("Z", " UTC");
    return row(
        List.of(
            "0A1B2C-3D4E5F-6A7B8C",
            "Compute Engine",
            sku,
            start,
            end,
            "zonecost-sim",
            vm,
            region,
            cost.toPlainString(),
            "USD",
            Long.toString(bytes),
            "bytes",
            type));
  }

  /** Per whole hour of the window and node: what reconcile must print, from the model. */
  private void expected(Writer w) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("window_start", c.start().toString());
    doc.put("window_end", c.end().toString());
    doc.put("other_instance", OTHER_INSTANCE);
    doc.put("nat_gateway", NAT);
    ArrayNode hours = doc.putArray("hours");
    ExpectedAnswer answer = c.answer();
    Map<String, long[][]> nic = c.hostNetworkPods().isEmpty() ? null : NicSeries.perStep(c);
    for (Instant h : model.hours()) {
      if (h.isBefore(c.start()) || h.plus(BillModel.HOUR).isAfter(c.end())) {
        continue;
      }
      Map<String, NodeBytes> plain = answer.nodeBytes(h, h.plus(BillModel.HOUR), false);
      Map<String, NodeBytes> subnets = answer.nodeBytes(h, h.plus(BillModel.HOUR), true);
      ObjectNode hour = hours.addObject();
      hour.put("hour_start", h.toString());
      ArrayNode nodes = hour.putArray("nodes");
      for (Node n : c.nodes()) {
        long[] v = model.byNode.getOrDefault(n.name(), Map.of()).getOrDefault(h, new long[6]);
        long[] edge = BillModel.edgeLoss(v);
        ObjectNode o = nodes.addObject();
        o.put("node", n.name());
        o.put("resource_id", Instances.id(n));
        o.put("billed_out_bytes", v[0]);
        o.put("billed_in_bytes", v[1]);
        o.put("host_network_out_bytes", v[2]);
        o.put("host_network_in_bytes", v[3]);
        o.put("edge_loss_out_bytes", edge[0]);
        o.put("edge_loss_in_bytes", edge[1]);
        ArrayNode pods = o.putArray("host_network_pods");
        model.hostNetworkPods.getOrDefault(n.name(), List.of()).forEach(pods::add);
        if (nic != null) {
          long[] bytes = NicSeries.hour(c, nic, n, h);
          o.put(
              "nic_source",
              NicSeries.hasNodeExporter(c, n) ? NicSeries.NODE_EXPORTER : NicSeries.CADVISOR);
          o.put("nic_sent_bytes", bytes[0]);
          o.put("nic_received_bytes", bytes[1]);
          o.put(
              "nic_exact",
              NicSeries.sampledAt(c, n, h) && NicSeries.sampledAt(c, n, h.plus(BillModel.HOUR)));
        }
        put(o, "", plain.getOrDefault(n.name(), NodeBytes.NONE), v);
        put(o, "with_subnets_", subnets.getOrDefault(n.name(), NodeBytes.NONE), v);
      }
    }
    ObjectMapper m =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    m.writeValue(w, doc);
    w.write("\n");
  }

  /**
   * The model's columns, and what stays unexplained: the host-network bytes plus the edge losses,
   * less what the counters show as crossing or outside that the bill does not charge (the internet,
   * a database in the node's own zone): each term from the model, floored at 0 as reconcile does.
   */
  private static void put(ObjectNode o, String prefix, NodeBytes b, long[] v) {
    o.put(prefix + "measured_cross_out_bytes", b.crossOut());
    o.put(prefix + "measured_cross_in_bytes", b.crossIn());
    o.put(prefix + "outside_out_bytes", b.unknownOut());
    o.put(prefix + "outside_in_bytes", b.unknownIn());
    long[] edge = BillModel.edgeLoss(v);
    long notBilledOut = b.crossOut() + b.unknownOut() - v[4];
    long notBilledIn = b.crossIn() + b.unknownIn() - v[5];
    o.put(prefix + "shown_not_billed_out_bytes", notBilledOut);
    o.put(prefix + "shown_not_billed_in_bytes", notBilledIn);
    o.put(prefix + "unexplained_out_bytes", Math.max(0, v[2] + edge[0] - notBilledOut));
    o.put(prefix + "unexplained_in_bytes", Math.max(0, v[3] + edge[1] - notBilledIn));
  }
}
