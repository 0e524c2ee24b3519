package dev.zonecost.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.common.UsageException;
import dev.zonecost.report.Report;
import dev.zonecost.report.ReportMetadata;
import dev.zonecost.report.RowOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A saved {@code report -o json} (schemaVersion 1), read back into what a check compares, including
 * the selection and grouping it was made with.
 */
public record Baseline(
    Path file,
    Duration window,
    String dedupe,
    String dataAggregationLevel,
    Selection selection,
    String groupBy,
    boolean byCluster,
    boolean folded,
    String priceRule,
    Traffic traffic) {

  public static final int SCHEMA_VERSION = ReportMetadata.SCHEMA_VERSION;
  private static final Pattern NAMESPACE_MATCHER =
      Pattern.compile("(source_namespace|destination_namespace)=~(\"(?:[^\"\\\\]|\\\\.)*\")");

  public static Baseline read(Path file) {
    JsonNode doc;
    try {
      doc = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw bad(
          file,
          "not JSON (line "
              + e.getLocation().getLineNr()
              + "): make it with `zonecost report -o json`");
    } catch (NoSuchFileException e) {
      throw new UsageException("baseline " + file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("baseline " + file + " cannot be read: permission denied", e);
    } catch (MalformedInputException e) {
      throw bad(file, "not UTF-8 text: make it with `zonecost report -o json`");
    } catch (IOException e) {
      throw new UsageException(
          "cannot read baseline " + file + (Files.isDirectory(file) ? ": it is a directory" : ""),
          e);
    }
    return of(file, doc);
  }

  static Baseline of(Path file, JsonNode doc) {
    if (doc == null || !doc.isObject()) {
      throw bad(file, "not a JSON object");
    }
    JsonNode version = doc.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw bad(file, "no schemaVersion: make it with `zonecost report -o json`");
    }
    if (version.asInt() != SCHEMA_VERSION) {
      throw bad(
          file,
          "schemaVersion "
              + version.asInt()
              + " is not supported (this zonecost reads schemaVersion "
              + SCHEMA_VERSION
              + "): save a new baseline with this version's `zonecost report -o json`");
    }
    try {
      JsonNode md = doc.required("metadata");
      JsonNode cost = doc.required("cost");
      String groupBy = md.required("groupBy").asText();
      boolean byCluster = md.path("byCluster").asBoolean(false);
      boolean folded = false;
      Traffic.Builder b = new Traffic.Builder();
      for (JsonNode r : doc.required("rows")) {
        Pair pair =
            new Pair(
                end(r, "source", groupBy, byCluster), end(r, "destination", groupBy, byCluster));
        folded |= pair.source().equals(RowOrder.OTHERS);
        b.add(
            pair,
            Locality.fromLabel(r.required("locality").asText()),
            r.required("source_zone").asText() + " -> " + r.required("destination_zone").asText(),
            r.required("bytes").asLong(),
            new BigDecimal(r.required("cost").asText()));
      }
      Duration window = Duration.ofSeconds(md.required("window").required("seconds").asLong());
      JsonNode sel = md.required("selection");
      return new Baseline(
          file,
          window,
          md.required("dedupe").asText(),
          md.required("dataAggregationLevel").asText(),
          new Selection(
              text(sel, "fromNamespace"),
              text(sel, "toNamespace"),
              text(sel, "fromWorkload"),
              text(sel, "toWorkload"),
              text(sel, "excludeFromNamespace"),
              text(sel, "excludeToNamespace"),
              text(sel, "excludeFromWorkload"),
              text(sel, "excludeToWorkload"),
              text(sel, "cluster"),
              text(sel, "namespace")),
          groupBy,
          byCluster,
          folded,
          cost.path("rule").asText(null),
          b.build(
              window,
              cost.required("currency").asText(),
              new BigDecimal(cost.required("window").asText())));
    } catch (NumberFormatException e) {
      throw bad(file, "not a zonecost report: a cost is not a number");
    } catch (IllegalArgumentException e) {
      throw bad(file, "not a zonecost report: " + e.getMessage());
    }
  }

  /** One end of a row, built as {@code GroupBy.of} builds it for the grouping it was made with. */
  private static WorkloadRef end(JsonNode row, String side, String groupBy, boolean byCluster) {
    String namespace = row.required(side + "_namespace").asText();
    String cluster = byCluster ? row.path(side + "_cluster").asText("") : "";
    WorkloadRef ref =
        switch (groupBy) {
          case "namespace" -> new WorkloadRef(namespace, "", "");
          case "pod" -> new WorkloadRef(namespace, "Pod", row.required(side + "_pod").asText());
          default ->
              new WorkloadRef(
                  namespace,
                  row.path(side + "_workload_kind").asText(""),
                  row.required(side + "_workload").asText());
        };
    // The (others) row of --top has no cluster of its own.
    return ref.equals(RowOrder.OTHERS) ? ref : ref.withCluster(cluster);
  }

  /**
   * Refuses a baseline made with other choices than today's report: comparing those would give a
   * silently wrong answer.
   */
  public void requireComparableTo(Report today) {
    List<String> differences = differences(today, true);
    if (!differences.isEmpty()) {
      throw new UsageException(
          "baseline "
              + file
              + " is not comparable with this run: it has "
              + String.join("; ", differences)
              + ". Make the baseline with the same --since/--start/--end length, --dedupe,"
              + " --data-aggregation-level, selection and --group-by, and without --top");
    }
  }

  /**
   * Refuses a saved report ({@code report --compare-to FILE}) made with other choices than today's
   * report, as a baseline is refused; a window of another length is allowed (each window's totals
   * are compared as they are, and the comparison says both lengths).
   */
  public void requireComparableAsSaved(Report today, String name) {
    List<String> differences = differences(today, false);
    if (!differences.isEmpty()) {
      throw new UsageException(
          name
              + " is not comparable with this run: it has "
              + String.join("; ", differences)
              + ". Save it with the same --dedupe, --data-aggregation-level, pricing, selection"
              + " and --group-by, and without --top");
    }
  }

  /** How the saved report was made otherwise than today's, one phrase each. */
  private List<String> differences(Report today, boolean windowLength) {
    ReportMetadata md = today.metadata();
    Duration window = Duration.between(md.start(), md.end());
    List<String> differences = new ArrayList<>();
    if (windowLength && !window.equals(this.window)) {
      differences.add(
          "window length " + this.window.toSeconds() + "s, today " + window.toSeconds() + "s");
    }
    if (!md.dedupe().equals(dedupe)) {
      differences.add("dedupe " + dedupe + ", today " + md.dedupe());
    }
    if (!md.dataAggregationLevel().equals(dataAggregationLevel)) {
      differences.add(
          "data aggregation level "
              + dataAggregationLevel
              + ", today "
              + md.dataAggregationLevel());
    }
    if (!md.selection().equals(selection)) {
      differences.add("selection " + describe(selection) + ", today " + describe(md.selection()));
    }
    if (priceRule != null && !priceRule.equals(today.cost().rule())) {
      differences.add("price rule " + priceRule + ", today " + today.cost().rule());
    }
    if (!md.groupBy().label().equals(groupBy)) {
      differences.add("--group-by " + groupBy + ", today " + md.groupBy().label());
    }
    if (md.byCluster() != byCluster) {
      differences.add(
          (byCluster ? "--by-cluster" : "no --by-cluster")
              + ", today "
              + (md.byCluster() ? "--by-cluster" : "no --by-cluster"));
    }
    if (folded) {
      differences.add(
          "an (others) row from --top, which hides the pairs it folded; today every pair");
    }
    return differences;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Each selection flag with the value it set, in the order the description names them. */
  private static final List<Map.Entry<String, Function<Selection, String>>> SELECTION_FLAGS =
      List.of(
          Map.entry("--namespace", Selection::namespaceRegex),
          Map.entry("--from-namespace", Selection::sourceNamespaceRegex),
          Map.entry("--to-namespace", Selection::destinationNamespaceRegex),
          Map.entry("--from-workload", Selection::sourceWorkloadRegex),
          Map.entry("--to-workload", Selection::destinationWorkloadRegex),
          Map.entry("--exclude-from-namespace", Selection::excludeSourceNamespaceRegex),
          Map.entry("--exclude-to-namespace", Selection::excludeDestinationNamespaceRegex),
          Map.entry("--exclude-from-workload", Selection::excludeSourceWorkloadRegex),
          Map.entry("--exclude-to-workload", Selection::excludeDestinationWorkloadRegex),
          Map.entry("--cluster", Selection::cluster));

  private static String describe(Selection s) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Function<Selection, String>> flag : SELECTION_FLAGS) {
      String value = flag.getValue().apply(s);
      if (value != null) {
        parts.add(flag.getKey() + " " + value);
      }
    }
    return parts.isEmpty() ? "(everything)" : String.join(" ", parts);
  }

  private static UsageException bad(Path file, String why) {
    return new UsageException("baseline " + file + ": " + why);
  }
}
