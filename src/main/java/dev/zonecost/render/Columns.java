package dev.zonecost.render;

import java.util.List;

/** Column names of the tidy row format, shared by CSV and JSON. The order is a contract. */
public final class Columns {
  public static final String SOURCE_NAMESPACE = "source_namespace";
  public static final String SOURCE_WORKLOAD = "source_workload";
  public static final String DESTINATION_NAMESPACE = "destination_namespace";
  public static final String DESTINATION_WORKLOAD = "destination_workload";
  public static final String SOURCE_ZONE = "source_zone";
  public static final String DESTINATION_ZONE = "destination_zone";
  public static final String LOCALITY = "locality";
  public static final String BYTES = "bytes";
  public static final String COST = "cost";
  public static final String CURRENCY = "currency";
  public static final String SOURCE_WORKLOAD_KIND = "source_workload_kind";
  public static final String DESTINATION_WORKLOAD_KIND = "destination_workload_kind";

  /** The CSV header, exactly, in order. Later columns are only ever appended. */
  public static final List<String> CSV =
      List.of(
          SOURCE_NAMESPACE,
          SOURCE_WORKLOAD,
          DESTINATION_NAMESPACE,
          DESTINATION_WORKLOAD,
          SOURCE_ZONE,
          DESTINATION_ZONE,
          LOCALITY,
          BYTES,
          COST,
          CURRENCY);

  private Columns() {}
}
