package dev.zonecost.render;

import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.WorkloadRef;
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

  public static final String SOURCE_POD = "source_pod";
  public static final String DESTINATION_POD = "destination_pod";

  public static final String SOURCE_CLUSTER = "source_cluster";
  public static final String DESTINATION_CLUSTER = "destination_cluster";

  /** The key columns of a report: clusters when split by them, then the grouping's. */
  public static List<String> keys(GroupBy groupBy, boolean byCluster) {
    List<String> k = keys(groupBy);
    if (!byCluster) {
      return k;
    }
    int half = k.size() / 2;
    List<String> out = new java.util.ArrayList<>();
    out.add(SOURCE_CLUSTER);
    out.addAll(k.subList(0, half));
    out.add(DESTINATION_CLUSTER);
    out.addAll(k.subList(half, k.size()));
    return out;
  }

  /** The key cells of a row, in the order of {@link #keys(GroupBy, boolean)}. */
  public static List<String> keyCells(GroupBy groupBy, boolean byCluster, TrafficKey key) {
    List<String> c = keyCells(groupBy, key);
    if (!byCluster) {
      return c;
    }
    int half = c.size() / 2;
    List<String> out = new java.util.ArrayList<>();
    out.add(key.source().cluster());
    out.addAll(c.subList(0, half));
    out.add(key.destination().cluster());
    out.addAll(c.subList(half, c.size()));
    return out;
  }

  /** The key columns for a grouping: namespaces, plus workloads or pods. */
  public static List<String> keys(GroupBy groupBy) {
    return switch (groupBy) {
      case NAMESPACE -> List.of(SOURCE_NAMESPACE, DESTINATION_NAMESPACE);
      case WORKLOAD ->
          List.of(SOURCE_NAMESPACE, SOURCE_WORKLOAD, DESTINATION_NAMESPACE, DESTINATION_WORKLOAD);
      case POD -> List.of(SOURCE_NAMESPACE, SOURCE_POD, DESTINATION_NAMESPACE, DESTINATION_POD);
      // A Service and the Deployment behind it often share a name: the kind tells them apart.
      case SERVICE ->
          List.of(
              SOURCE_NAMESPACE,
              SOURCE_WORKLOAD_KIND,
              SOURCE_WORKLOAD,
              DESTINATION_NAMESPACE,
              DESTINATION_WORKLOAD_KIND,
              DESTINATION_WORKLOAD);
    };
  }

  /** The key cells of a row, in the order of {@link #keys}. */
  public static List<String> keyCells(GroupBy groupBy, TrafficKey k) {
    return switch (groupBy) {
      case NAMESPACE -> List.of(k.source().namespace(), k.destination().namespace());
      case WORKLOAD, POD ->
          List.of(
              k.source().namespace(),
              k.source().name(),
              k.destination().namespace(),
              k.destination().name());
      case SERVICE ->
          List.of(
              k.source().namespace(),
              k.source().kind(),
              k.source().name(),
              k.destination().namespace(),
              k.destination().kind(),
              k.destination().name());
    };
  }

  /** The CSV header for a grouping: its keys, then the columns every grouping shares. */
  public static List<String> csv(GroupBy groupBy, boolean byCluster) {
    List<String> header = new java.util.ArrayList<>(keys(groupBy, byCluster));
    header.addAll(CSV.subList(4, CSV.size()));
    return header;
  }

  /** How a row end is shown to people: namespace/name, or the namespace alone. */
  public static String display(GroupBy groupBy, WorkloadRef w) {
    String prefix = w.cluster().isEmpty() ? "" : w.cluster() + ":";
    return prefix + (groupBy == GroupBy.NAMESPACE ? w.namespace() : w.namespace() + "/" + w.name());
  }

  /** The CSV header of the default grouping, exactly, in order. Later columns are only appended. */
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
