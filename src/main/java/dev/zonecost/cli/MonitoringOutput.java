package dev.zonecost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.TrafficEngine;
import dev.zonecost.monitoring.PairExpression;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.retina.GrafanaQuery;
import dev.zonecost.time.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What {@code rules} and {@code dashboard} share (a mixin): the accounting and pricing options, the
 * panel expression and price they give, and the output file.
 */
final class MonitoringOutput {
  @Mixin AccountingOptions accounting;
  @Mixin PricingOptions pricing;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write here instead of stdout (atomically).")
  Path file;

  /** {@code query --grafana}'s expression for these accounting options, over any range. */
  PairExpression expression() {
    EngineRequest request = request();
    QueryCommand.requireRetina(request, "rules and dashboard");
    QueryPlan plan = TrafficEngine.plan(request, false);
    return new PairExpression() {
      @Override
      public String over(String range) {
        return GrafanaQuery.over(plan, request.dedupe(), request.level(), range);
      }

      @Override
      public String tiled(String step) {
        return GrafanaQuery.tiled(plan, request.dedupe(), request.level(), step);
      }
    };
  }

  /** The accounting options as a request (its window is not used). */
  EngineRequest request() {
    Instant now = Instant.EPOCH.plusSeconds(7200);
    return accounting.request(new TimeWindow(now.minusSeconds(3600), now));
  }

  BigDecimal pricePerByte() {
    long tera = 1_000_000_000_000L;
    return new CostEstimator(pricing.selection())
        .crossZoneCost(tera)
        .divide(BigDecimal.valueOf(tera), MathContext.DECIMAL64);
  }

  String currency() {
    return new CostEstimator(pricing.selection())
        .summarize(0, 0, java.time.Duration.ofHours(1))
        .currency();
  }

  /** Writes {@code doc} as YAML or JSON to the file, else to the command's stdout. */
  void write(JsonNode doc, boolean yaml, CommandSpec spec) throws IOException {
    write(doc, yaml, spec, java.util.List.of());
  }

  /** The same, YAML with {@code header} as comment lines first. */
  void write(JsonNode doc, boolean yaml, CommandSpec spec, java.util.List<String> header)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
    StringBuilder head = new StringBuilder();
    header.forEach(h -> head.append("# ").append(h).append('\n'));
    String t = head + text;
    DataOutput.write(file, out, err, w -> w.write(t));
  }
}
