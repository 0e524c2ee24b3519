package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.cli.CliRun;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.Simulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report -o html} opened for real in headless Chromium (Debian's package): the page loads
 * with no console message (its Content-Security-Policy turns any network request into one), the DOM
 * after its script ran holds the same totals and rows as {@code -o json}, and a screenshot is
 * written to {@code target/html-report.png} for a person to look at ({@code
 * -Dzonecost.screenshot=docs/html-report.png} writes it there instead).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HtmlReportIT {
  private static final Instant END = Instant.parse("2026-11-01T03:00:00Z");

  @Test
  void the_page_loads_without_errors_and_holds_the_json_totals(@TempDir Path tmp) throws Exception {
    SimulatedCluster cluster =
        Simulator.generate(SimulationSpec.builder("edge", END).hours(3).seed(42).build());
    try (PrometheusServer prom = PrometheusServer.start(tmp, cluster::writeOpenMetrics)) {
      String[] window = {
        "--prometheus-url",
        prom.url(),
        "--start",
        cluster.start().toString(),
        "--end",
        END.toString(),
        "--every",
        "20m"
      };
      JsonNode json = ReportRows.parse(run(window, "-o", "json").out());
      Path html = tmp.resolve("report.html");
      run(window, "-o", "html", "--output-file", html.toString());
      String page = Files.readString(html);
      assertTrue(!page.contains("http://") && !page.contains("https://"), "no external links");

      Browser.Result r = Browser.dumpDom(tmp, html);
      assertEquals(List.of(), r.console(), "console messages while loading the page");
      String dom = r.dom();
      for (String l : List.of("same-zone", "cross-zone", "unknown-zone", "all")) {
        assertEquals(
            json.get("totals").get(l).asLong(),
            attribute(dom, "id=\"total-" + l + "\" data-bytes=\"(\\d+)\""),
            l);
      }
      assertTrue(
          dom.contains(
              "id=\"cost-window\" data-value=\"" + json.get("cost").get("window").asText()),
          "window cost");
      // Every row of the JSON is a row of the pairs table, with its exact bytes.
      Matcher m =
          Pattern.compile("<tr class=\"[a-z-]+\">.*?data-bytes=\"(\\d+)\"").matcher(tableOf(dom));
      long sum = 0;
      int rows = 0;
      while (m.find()) {
        sum += Long.parseLong(m.group(1));
        rows++;
      }
      assertEquals(json.get("rows").size(), rows);
      assertEquals(json.get("totals").get("all").asLong(), sum);
      assertEquals(
          json.get("trend").get("buckets").size(),
          count(dom, "<tr><td>20"),
          "one row per bucket in the trend table");
      assertTrue(dom.contains("<svg"), "the heat map and trend chart are drawn");

      Path shot =
          Path.of(System.getProperty("zonecost.screenshot", "target/html-report.png"))
              .toAbsolutePath();
      Browser.screenshot(tmp, html, shot);
      assertTrue(Files.size(shot) > 10_000, "a screenshot of the page: " + shot);
      System.out.println("HtmlReportIT: screenshot " + shot);
    }
  }

  private static String tableOf(String dom) {
    int start = dom.indexOf("id=\"pairs\"");
    return dom.substring(start, dom.indexOf("</table>", start));
  }

  private static long attribute(String dom, String regex) {
    Matcher m = Pattern.compile(regex).matcher(dom);
    assertTrue(m.find(), regex);
    return Long.parseLong(m.group(1));
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static CliRun run(String[] window, String... more) {
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(window));
    args.addAll(List.of(more));
    CliRun r = CliRun.run(Clock.fixed(END, ZoneOffset.UTC), args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.describe());
    return r;
  }

  /** Debian's headless Chromium, started as the machine notes say, with a fresh profile. */
  static final class Browser {
    record Result(String dom, List<String> console) {}

    static Result dumpDom(Path tmp, Path html) throws Exception {
      Path out = tmp.resolve("dom.html");
      Path err = tmp.resolve("chromium.log");
      int rc =
          chromium(
              tmp, List.of("--enable-logging=stderr", "--v=0", "--dump-dom", url(html)), out, err);
      assertEquals(0, rc, Files.readString(err));
      List<String> console =
          Files.readAllLines(err).stream().filter(l -> l.contains(":CONSOLE")).toList();
      return new Result(Files.readString(out), console);
    }

    static void screenshot(Path tmp, Path html, Path png) throws Exception {
      Files.createDirectories(png.getParent());
      Files.deleteIfExists(png);
      Path log = tmp.resolve("screenshot.log");
      int rc =
          chromium(
              tmp,
              List.of(
                  "--hide-scrollbars", "--window-size=1280,1500", "--screenshot=" + png, url(html)),
              tmp.resolve("screenshot.out"),
              log);
      assertEquals(0, rc, Files.readString(log));
    }

    private static String url(Path html) {
      return html.toAbsolutePath().toUri().toString();
    }

    private static int chromium(Path tmp, List<String> extra, Path out, Path err) throws Exception {
      String binary = new File("/usr/bin/chromium").canExecute() ? "/usr/bin/chromium" : "chromium";
      Path profile = Files.createTempDirectory(tmp, "chromium-profile");
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  binary,
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-quic",
                  "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--user-data-dir=" + profile));
      cmd.addAll(extra);
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in 90 s: " + Files.readString(err));
      }
      return p.exitValue();
    }
  }
}
