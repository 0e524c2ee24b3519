package dev.zonecost.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.bill.InterZoneRules.Skip;
import dev.zonecost.common.UsageException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillTest {
  static final BigDecimal GB = new BigDecimal("1000000000");
  static final Instant H0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path tmp;

  private Path write(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(p))) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(p, text);
    }
    return p;
  }

  static final String CUR2 =
      "identity_line_item_id,line_item_line_item_type,line_item_usage_start_date,"
          + "line_item_usage_end_date,line_item_usage_type,line_item_operation,"
          + "line_item_resource_id,line_item_usage_amount,pricing_unit,line_item_unblended_cost,"
          + "line_item_currency_code,product_region_code\n"
          + "a,Usage,2026-11-01T00:00:00.000Z,2026-11-01T01:00:00.000Z,USE1-DataTransfer-Regional-Bytes,"
          + "InterZone-Out,i-0a,1.5,GB,0.015,USD,us-east-1\n"
          + "b,Usage,2026-11-01T00:00:00.000Z,2026-11-01T01:00:00.000Z,USE1-DataTransfer-Regional-Bytes,"
          + "InterZone-In,i-0a,0.25,GB,0.0025,USD,us-east-1\n"
          + "c,Usage,2026-11-01T00:00:00.000Z,2026-11-01T01:00:00.000Z,USE1-DataTransfer-Regional-Bytes,"
          + "PublicIP-Out,i-0a,9,GB,0.09,USD,us-east-1\n"
          + "d,Credit,2026-11-01T00:00:00.000Z,2026-11-01T01:00:00.000Z,USE1-DataTransfer-Regional-Bytes,"
          + "InterZone-Out,i-0a,0,GB,-0.01,USD,us-east-1\n"
          + "e,Usage,2026-11-01T00:00:00.000Z,2026-11-01T01:00:00.000Z,USE1-BoxUsage:m5.large,"
          + "RunInstances,i-0a,1,Hrs,0.096,USD,us-east-1\n";

  @Test
  void should_select_inter_zone_rows_of_a_gzip_cur2_and_count_the_rest() throws Exception {
    Bill bill = Bill.read(List.of(write("part-1.csv.gz", CUR2)), GB);
    assertEquals(1, bill.cells().size());
    Bill.Sums s = bill.cells().values().iterator().next();
    assertEquals(0, new BigDecimal("1500000000").compareTo(s.out()));
    assertEquals(0, new BigDecimal("250000000").compareTo(s.in()));
    assertEquals(0, new BigDecimal("0.0175").compareTo(s.cost()));
    assertEquals(1L, bill.skipped().get(Skip.OTHER_TRANSFER));
    assertEquals(1L, bill.skipped().get(Skip.NOT_USAGE));
    assertEquals(1L, bill.skipped().get(Skip.NOT_DATA_TRANSFER));
    assertEquals(Duration.ofHours(1), bill.granularity());
    assertEquals(1, bill.formats().get(BillFormat.CUR2));
  }

  @Test
  void should_read_gib_when_asked() throws Exception {
    Bill bill = Bill.read(List.of(write("b.csv", CUR2)), BigDecimal.valueOf(1L << 30));
    Bill.Sums s = bill.cells().values().iterator().next();
    assertEquals(
        0, new BigDecimal("1.5").multiply(BigDecimal.valueOf(1L << 30)).compareTo(s.out()));
  }

  @Test
  void should_read_legacy_cur_focus_and_gcp() throws Exception {
    String legacy =
        "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/UsageType,"
            + "lineItem/Operation,lineItem/ResourceId,lineItem/UsageAmount,pricing/unit,"
            + "lineItem/UnblendedCost,lineItem/CurrencyCode,product/regionCode\n"
            + "Usage,2026-11-01T00:00:00Z,2026-11-01T01:00:00Z,DataTransfer-Regional-Bytes,"
            + "InterZone-In,i-0b,2,GB,0.02,USD,us-east-1\n";
    String focus =
        "ChargeCategory,ChargePeriodStart,ChargePeriodEnd,x_UsageType,x_Operation,ResourceId,"
            + "ConsumedQuantity,ConsumedUnit,BilledCost,BillingCurrency,RegionId\n"
            + "Usage,2026-11-01 00:00:00,2026-11-01 01:00:00,USE1-DataTransfer-Regional-Bytes,"
            + "InterZone-Out,i-0c,3,GB,0.03,USD,us-east-1\n"
            + "Tax,2026-11-01 00:00:00,2026-11-01 01:00:00,USE1-DataTransfer-Regional-Bytes,"
            + "InterZone-Out,i-0c,0,GB,0.003,USD,us-east-1\n";
    String gcp =
        "service.description,sku.description,usage_start_time,usage_end_time,resource.name,"
            + "usage.amount,usage.unit,cost,currency,cost_type,location.region\n"
            + "Compute Engine,Network Inter Zone Egress,2026-11-01 00:00:00 UTC,"
            + "2026-11-01 01:00:00 UTC,gke-node-1,1073741824,bytes,0.01,USD,regular,us-central1\n"
            + "Compute Engine,Network Internet Egress from Americas to Americas,"
            + "2026-11-01 00:00:00 UTC,2026-11-01 01:00:00 UTC,gke-node-1,5,bytes,0.1,USD,"
            + "regular,us-central1\n";
    Bill bill =
        Bill.read(
            List.of(write("l.csv", legacy), write("f.csv.gz", focus), write("g.csv", gcp)), GB);
    assertEquals(3, bill.cells().size());
    assertEquals(3, bill.formats().size());
    long bytes =
        bill.cells().values().stream().mapToLong(s -> s.out().add(s.in()).longValueExact()).sum();
    assertEquals(2_000_000_000L + 3_000_000_000L + 1073741824L, bytes);
    assertEquals(H0, bill.cells().keySet().iterator().next().start());
  }

  @Test
  void should_refuse_parquet_with_the_way_to_csv() throws Exception {
    Path p = tmp.resolve("part-0.parquet");
    Files.write(p, "PAR1xxxx".getBytes(StandardCharsets.US_ASCII));
    UsageException e = assertThrows(UsageException.class, () -> Bill.read(List.of(p), GB));
    assertTrue(
        e.getMessage().contains("Parquet") && e.getMessage().contains("CSV"), e.getMessage());
  }

  @Test
  void should_name_file_and_line_of_a_malformed_row() throws Exception {
    Path p = write("bad.csv", CUR2.replace(",1.5,", ",one,"));
    UsageException e = assertThrows(UsageException.class, () -> Bill.read(List.of(p), GB));
    assertTrue(e.getMessage().startsWith(p + ":2: \"one\" is not a number"), e.getMessage());
    Path q = write("other.csv", "a,b\n1,2\n");
    e = assertThrows(UsageException.class, () -> Bill.read(List.of(q), GB));
    assertTrue(e.getMessage().contains("not a bill zonecost reads"), e.getMessage());
  }
}
