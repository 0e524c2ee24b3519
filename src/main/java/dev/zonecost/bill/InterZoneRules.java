package dev.zonecost.bill;

import java.util.Map;
import java.util.Set;

/**
 * Which bill rows are inter-zone data transfer, per provider, as data (REFERENCE.md "Cloud bills").
 * AWS: usage type ending in {@code DataTransfer-Regional-Bytes} (its region prefix varies: {@code
 * USE1-}, {@code USW2-}, none) with operation {@code InterZone-Out} or {@code InterZone-In}; the
 * same usage type also carries public-IP, load-balancer public-IP and VPC-peering transfer, which
 * are not between zones. GCP: the SKU "Network Inter Zone Egress" (newer: "... Data Transfer Out"),
 * billed to the sender only. Only usage lines count: credits, refunds, taxes, discounts and fees
 * are left out (and counted).
 */
public final class InterZoneRules {
  /** Which way the bytes went for the resource the row bills. */
  public enum Direction {
    OUT,
    IN
  }

  /** Why a row was left out; each is counted in the output's notes. */
  public enum Skip {
    NOT_DATA_TRANSFER("other charges (not regional data transfer)"),
    OTHER_TRANSFER("data transfer that is not between zones (public IP, load balancer, peering)"),
    NOT_USAGE("credits, refunds, taxes, fees and adjustments"),
    OTHER_REGION("rows of another region than the cluster's"),
    OUTSIDE_WINDOW("rows outside the window's whole bill periods");

    private final String description;

    Skip(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  static final String AWS_USAGE_SUFFIX = "DataTransfer-Regional-Bytes";

  static final Map<String, Direction> AWS_OPERATIONS =
      Map.of("InterZone-Out", Direction.OUT, "InterZone-In", Direction.IN);

  /** CUR line item types that are usage (a Savings Plan still moves the bytes). */
  static final Set<String> AWS_USAGE_TYPES =
      Set.of("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage");

  /** FOCUS' ChargeCategory of usage. */
  static final Set<String> FOCUS_USAGE = Set.of("Usage");

  static final Map<String, Direction> GCP_SKUS =
      Map.of(
          "Network Inter Zone Egress", Direction.OUT,
          "Network Inter Zone Data Transfer Out", Direction.OUT);

  /** GCP's cost_type of usage ({@code tax}, {@code adjustment}, {@code rounding_error} are not). */
  static final Set<String> GCP_USAGE = Set.of("regular", "");

  private InterZoneRules() {}

  /** The direction of an inter-zone data transfer row, or null; {@code skip} says why not. */
  public static Direction direction(BillFormat format, BillRow row) {
    return skip(format, row) == null ? directionOf(format, row) : null;
  }

  /** Why the row is not inter-zone data transfer, or null when it is. */
  public static Skip skip(BillFormat format, BillRow row) {
    if (format == BillFormat.GCP) {
      if (!GCP_SKUS.containsKey(row.usageType())) {
        return Skip.NOT_DATA_TRANSFER;
      }
      return GCP_USAGE.contains(row.lineItemType()) ? null : Skip.NOT_USAGE;
    }
    if (!row.usageType().endsWith(AWS_USAGE_SUFFIX)) {
      return Skip.NOT_DATA_TRANSFER;
    }
    Set<String> usage = format == BillFormat.FOCUS ? FOCUS_USAGE : AWS_USAGE_TYPES;
    if (!usage.contains(row.lineItemType())) {
      return Skip.NOT_USAGE;
    }
    return AWS_OPERATIONS.containsKey(row.operation()) ? null : Skip.OTHER_TRANSFER;
  }

  private static Direction directionOf(BillFormat format, BillRow row) {
    return format == BillFormat.GCP
        ? GCP_SKUS.get(row.usageType())
        : AWS_OPERATIONS.get(row.operation());
  }
}
