package dev.zonecost.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WorkloadRef;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the rows of a {@code report -o json} document back into keys and bytes. */
final class ReportRows {
  private ReportRows() {}

  static JsonNode parse(String json) throws IOException {
    return new ObjectMapper().readTree(json);
  }

  static Map<TrafficKey, Long> rows(JsonNode doc) {
    Map<TrafficKey, Long> rows = new LinkedHashMap<>();
    for (JsonNode r : doc.get("rows")) {
      TrafficKey key =
          new TrafficKey(
              new WorkloadRef(
                  r.get("source_namespace").asText(),
                  r.get("source_workload_kind").asText(),
                  r.get("source_workload").asText()),
              new WorkloadRef(
                  r.get("destination_namespace").asText(),
                  r.get("destination_workload_kind").asText(),
                  r.get("destination_workload").asText()),
              r.get("source_zone").asText(),
              r.get("destination_zone").asText());
      if (!r.get("locality").asText().equals(key.locality().label())) {
        throw new AssertionError("row's locality disagrees with its zones: " + r);
      }
      if (rows.put(key, r.get("bytes").asLong()) != null) {
        throw new AssertionError("the report has two rows with one key: " + r);
      }
    }
    return rows;
  }

  static Map<TrafficKey, Long> rows(List<TrafficRow> expected) {
    Map<TrafficKey, Long> rows = new LinkedHashMap<>();
    for (TrafficRow r : expected) {
      if (rows.put(r.key(), r.bytes()) != null) {
        throw new AssertionError("two expected rows with one key: " + r);
      }
    }
    return rows;
  }
}
