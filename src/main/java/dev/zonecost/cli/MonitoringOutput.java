package dev.zonecost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.TrafficEngine;
import dev.zonecost.render.AtomicFile;
import dev.zonecost.source.retina.GrafanaQuery;
import dev.zonecost.time.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Instant;

/** What {@code rules} and {@code dashboard} share: the panel expression, the price, the output. */
final class MonitoringOutput {
  private MonitoringOutput() {}

  /** {@code query --grafana}'s expression for these accounting options ($__range). */
  static String expression(AccountingOptions accounting) {
    Instant now = Instant.EPOCH.plusSeconds(7200);
    EngineRequest request = accounting.request(new TimeWindow(now.minusSeconds(3600), now));
    QueryCommand.requireRetina(request, "rules and dashboard");
    return GrafanaQuery.expression(
        TrafficEngine.plan(request, false), request.dedupe(), request.level());
  }

  static BigDecimal pricePerByte(PricingOptions pricing) {
    long tera = 1_000_000_000_000L;
    return new CostEstimator(pricing.selection())
        .crossZoneCost(tera)
        .divide(BigDecimal.valueOf(tera), MathContext.DECIMAL64);
  }

  static String currency(PricingOptions pricing) {
    return new CostEstimator(pricing.selection())
        .summarize(0, 0, java.time.Duration.ofHours(1))
        .currency();
  }

  static void write(JsonNode doc, boolean yaml, Path file, PrintWriter out, PrintWriter err)
      throws IOException {
    ObjectMapper m =
        yaml
            ? new ObjectMapper(
                new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
            : new ObjectMapper();
    String text = m.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    if (!text.endsWith("\n")) {
      text += "\n";
    }
    if (file != null) {
      String t = text;
      AtomicFile.write(file, w -> w.write(t));
      err.println("zonecost: wrote " + file);
    } else {
      out.print(text);
      out.flush();
    }
  }
}
