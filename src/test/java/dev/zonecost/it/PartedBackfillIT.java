package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.simulate.SampleSlice;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster backfilled in two parts (simulate's --samples-from/--samples-to, cut on promtool's
 * block grid) must answer like the same cluster backfilled from one file: every sample of every
 * series, in blocks that do not overlap.
 */
class PartedBackfillIT {
  private static final Instant END = Instant.parse("2024-06-01T12:00:00Z");
  private static final Instant CUT = Instant.parse("2024-06-01T10:00:00Z");
  private static final String ALL_SAMPLES = "{__name__=~\".+\"}[1d]";

  @Test
  void should_answer_from_two_parts_as_from_one_file(@TempDir Path tmp) throws Exception {
    SimulatedCluster c =
        Simulator.generate(
            SimulationSpec.builder("edge", END).hours(2).nativeZones(true).seed(7L).build());
    assertTrue(c.dataStart().isBefore(CUT) && c.end().isAfter(CUT), "the cut is inside the data");
    List<PrometheusServer.OpenMetricsSource> parts =
        List.of(
            w -> c.writeOpenMetrics(w, "retina", new SampleSlice(Instant.MIN, CUT)),
            w -> c.writeOpenMetrics(w, "retina", new SampleSlice(CUT, Instant.MAX)));
    String whole;
    try (PrometheusServer one =
        PrometheusServer.start(Files.createDirectories(tmp.resolve("one")), c::writeOpenMetrics)) {
      whole = query(one.url(), ALL_SAMPLES);
    }
    try (PrometheusServer two =
        PrometheusServer.startInParts(
            Files.createDirectories(tmp.resolve("two")), parts, Duration.ofHours(2))) {
      assertEquals(whole, query(two.url(), ALL_SAMPLES), "every sample, once");
      assertEquals(
          "" + c.sampleCount(),
          scalar(query(two.url(), "sum(count_over_time(" + ALL_SAMPLES + "))")));
      assertEquals(
          "" + c.seriesCount(),
          scalar(query(two.url(), "count(count_over_time(" + ALL_SAMPLES + "))")));
    }
    List<long[]> ranges = blockRanges(tmp.resolve("two/data"));
    assertTrue(ranges.size() >= 2, "a block per part at least: " + ranges.size());
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < ranges.size(); i++) {
      assertTrue(ranges.get(i - 1)[1] <= ranges.get(i)[0], "blocks do not overlap");
    }
    String log = Files.readString(tmp.resolve("two/prometheus.log"));
    assertTrue(!log.contains("overlapping"), log);
  }

  private static List<long[]> blockRanges(Path tsdb) throws IOException {
    List<long[]> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(tsdb)) {
      for (Path d : dirs.toList()) {
        Path meta = d.resolve("meta.json");
        if (Files.exists(meta)) {
          String m = Files.readString(meta);
          out.add(new long[] {field(m, "minTime"), field(m, "maxTime")});
        }
      }
    }
    return out;
  }

  private static long field(String json, String name) {
    int i = json.indexOf("\"" + name + "\"");
    int colon = json.indexOf(':', i);
    int end = colon + 1;
    while (end < json.length()
        && (Character.isDigit(json.charAt(end)) || json.charAt(end) == ' ')) {
      end++;
    }
    return Long.parseLong(json.substring(colon + 1, end).trim());
  }

  private static String scalar(String body) {
    int v = body.lastIndexOf(",\"");
    return body.substring(v + 2, body.indexOf('"', v + 2));
  }

  private static String query(String url, String promql) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&time="
            + END.plusSeconds(60).getEpochSecond();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/query"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }
}
