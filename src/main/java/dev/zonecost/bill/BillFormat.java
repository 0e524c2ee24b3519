package dev.zonecost.bill;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bill formats zonecost reads, each by the column names its CSV header carries (REFERENCE.md
 * "Cloud bills"). A column a format may lack (the region, the currency, FOCUS 1.0's {@code
 * x_Operation}) is listed with alternatives or left empty when absent.
 */
public enum BillFormat {
  CUR2(
      "AWS CUR 2.0 / Data Exports",
      "line_item_usage_type",
      List.of("line_item_resource_id"),
      List.of("line_item_usage_type"),
      List.of("line_item_operation"),
      List.of("line_item_line_item_type"),
      List.of("line_item_usage_amount"),
      List.of("pricing_unit"),
      List.of("line_item_unblended_cost"),
      List.of("line_item_currency_code"),
      List.of("line_item_usage_start_date"),
      List.of("line_item_usage_end_date"),
      List.of("product_region_code", "product_region")),
  LEGACY_CUR(
      "AWS legacy Cost and Usage Report",
      "lineItem/UsageType",
      List.of("lineItem/ResourceId"),
      List.of("lineItem/UsageType"),
      List.of("lineItem/Operation"),
      List.of("lineItem/LineItemType"),
      List.of("lineItem/UsageAmount"),
      List.of("pricing/unit"),
      List.of("lineItem/UnblendedCost"),
      List.of("lineItem/CurrencyCode"),
      List.of("lineItem/UsageStartDate"),
      List.of("lineItem/UsageEndDate"),
      List.of("product/regionCode", "product/region")),
  FOCUS(
      "FOCUS",
      "ChargePeriodStart",
      List.of("ResourceId"),
      List.of("x_UsageType", "SkuMeter"),
      List.of("x_Operation"),
      List.of("ChargeCategory"),
      List.of("ConsumedQuantity"),
      List.of("ConsumedUnit"),
      List.of("BilledCost"),
      List.of("BillingCurrency"),
      List.of("ChargePeriodStart"),
      List.of("ChargePeriodEnd"),
      List.of("RegionId")),
  GCP(
      "GCP detailed billing export",
      "sku.description",
      List.of("resource.name", "resource.global_name"),
      List.of("sku.description"),
      List.of(),
      List.of("cost_type"),
      List.of("usage.amount"),
      List.of("usage.unit"),
      List.of("cost"),
      List.of("currency"),
      List.of("usage_start_time"),
      List.of("usage_end_time"),
      List.of("location.region"));

  private final String title;
  private final String marker;
  final List<String> resourceId;
  final List<String> usageType;
  final List<String> operation;
  final List<String> lineItemType;
  final List<String> amount;
  final List<String> unit;
  final List<String> cost;
  final List<String> currency;
  final List<String> start;
  final List<String> end;
  final List<String> region;

  BillFormat(
      String title,
      String marker,
      List<String> resourceId,
      List<String> usageType,
      List<String> operation,
      List<String> lineItemType,
      List<String> amount,
      List<String> unit,
      List<String> cost,
      List<String> currency,
      List<String> start,
      List<String> end,
      List<String> region) {
    this.title = title;
    this.marker = marker;
    this.resourceId = resourceId;
    this.usageType = usageType;
    this.operation = operation;
    this.lineItemType = lineItemType;
    this.amount = amount;
    this.unit = unit;
    this.cost = cost;
    this.currency = currency;
    this.start = start;
    this.end = end;
    this.region = region;
  }

  /** How the format is named in messages. */
  public String title() {
    return title;
  }

  /** Whether amounts are bytes (GCP) rather than the provider's GB. */
  public boolean amountsInBytes() {
    return this == GCP;
  }

  /** The format a header belongs to, or null: the first whose marker column it has. */
  static BillFormat of(Set<String> header) {
    for (BillFormat f : values()) {
      if (header.contains(f.marker)) {
        return f;
      }
    }
    return null;
  }

  /** The columns that tell the formats apart, for the message about an unknown header. */
  static String markers() {
    StringBuilder sb = new StringBuilder();
    for (BillFormat f : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(f.marker);
    }
    return sb.toString();
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
