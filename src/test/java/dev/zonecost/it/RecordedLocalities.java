package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The same-, cross- and unknown-zone totals of the recording rules' per-pair series over a window,
 * set against {@code report}'s: what {@code MonitoringIT} and {@code VmalertRulesIT} measure.
 */
record RecordedLocalities(double same, double cross, double unknown) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A report's totals ({@code -o json}). */
  static RecordedLocalities ofReport(JsonNode report) {
    JsonNode t = report.get("totals");
    return new RecordedLocalities(
        t.get("same-zone").asDouble(),
        t.get("cross-zone").asDouble(),
        t.get("unknown-zone").asDouble());
  }

  /**
   * The samples of {@code expr} (a per-pair recorded series, or its expression) at every {@code
   * step} in ({@code start}, {@code end}], summed by locality: each sample holds the bytes of the
   * step that ends at it.
   */
  static RecordedLocalities ofSeries(
      String url, String expr, Instant start, Instant end, Duration step) throws Exception {
    JsonNode result =
        post(
            url,
            "/api/v1/query_range",
            "query="
                + enc("sum by (source_zone, destination_zone) (" + expr + ")")
                + "&start="
                + start.plus(step).getEpochSecond()
                + "&end="
                + end.getEpochSecond()
                + "&step="
                + step.toSeconds());
    double same = 0;
    double cross = 0;
    double unknown = 0;
    for (JsonNode s : result) {
      String a = s.get("metric").path("source_zone").asText("");
      String b = s.get("metric").path("destination_zone").asText("");
      double sum = 0;
      for (JsonNode v : s.get("values")) {
        sum += v.get(1).asDouble();
      }
      if (a.isEmpty() || b.isEmpty() || a.equals("unknown") || b.equals("unknown")) {
        unknown += sum;
      } else if (a.equals(b)) {
        same += sum;
      } else {
        cross += sum;
      }
    }
    return new RecordedLocalities(same, cross, unknown);
  }

  /**
   * The raw samples of the recorded {@code series} with timestamps in ({@code start}, {@code end}].
   */
  static RecordedLocalities ofSamples(String url, String series, Instant start, Instant end)
      throws Exception {
    long seconds = Duration.between(start, end).toSeconds() + 600;
    JsonNode result =
        post(
            url,
            "/api/v1/query",
            "query=" + enc(series + "[" + seconds + "s]") + "&time=" + end.getEpochSecond());
    double same = 0;
    double cross = 0;
    double unknown = 0;
    for (JsonNode s : result) {
      String a = s.get("metric").path("source_zone").asText("");
      String b = s.get("metric").path("destination_zone").asText("");
      double sum = 0;
      for (JsonNode v : s.get("values")) {
        double t = v.get(0).asDouble();
        if (t > start.getEpochSecond() && t <= end.getEpochSecond()) {
          sum += v.get(1).asDouble();
        }
      }
      if (a.isEmpty() || b.isEmpty()) {
        unknown += sum;
      } else if (a.equals(b)) {
        same += sum;
      } else {
        cross += sum;
      }
    }
    return new RecordedLocalities(same, cross, unknown);
  }

  /** One line: each locality, recorded against the report, and the difference in percent. */
  String against(RecordedLocalities report) {
    return String.format(
        Locale.ROOT,
        "same %.0f / %.0f (%s), cross %.0f / %.0f (%s), unknown %.0f / %.0f (%s)",
        same,
        report.same,
        percent(same, report.same),
        cross,
        report.cross,
        percent(cross, report.cross),
        unknown,
        report.unknown,
        percent(unknown, report.unknown));
  }

  static double error(double recorded, double report) {
    return report == 0 ? (recorded == 0 ? 0 : Double.POSITIVE_INFINITY) : recorded / report - 1;
  }

  private static String percent(double recorded, double report) {
    return String.format(Locale.ROOT, "%+.2f%%", 100 * error(recorded, report));
  }

  static JsonNode post(String url, String path, String form) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode doc = new ObjectMapper().readTree(r.body());
    assertEquals("success", doc.path("status").asText(), r.body() + "\n" + form);
    return doc.get("data").get("result");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
