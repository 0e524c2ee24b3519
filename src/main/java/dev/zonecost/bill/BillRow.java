package dev.zonecost.bill;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a bill in the terms every format shares. Text fields are empty when the column is
 * absent or blank.
 *
 * @param amount the usage amount in the bill's unit (AWS: GB; GCP: bytes)
 */
public record BillRow(
    String resourceId,
    String usageType,
    String operation,
    String lineItemType,
    BigDecimal amount,
    String unit,
    BigDecimal cost,
    String currency,
    Instant start,
    Instant end,
    String region) {}
