package dev.zonecost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.zonecost.common.UsageException;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.engine.ByteSources;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.TrafficEngine;
import dev.zonecost.monitoring.PairExpression;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.QueryPlan;
import dev.zonecost.source.retina.GrafanaQuery;
import dev.zonecost.time.TimeWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
      description =
          "Write here instead of stdout (atomically); an extension naming another format than"
              + " this command's is refused.")
  Path file;

  /**
   * {@code query --grafana}'s expression for these accounting options, over any range; for {@code
   * --source istio} Istio's own ({@link ByteSource#pairExpression}).
   */
  PairExpression expression() {
    EngineRequest request = request();
    ByteSource source = source(request);
    if (source == ByteSources.RETINA) {
      QueryPlan plan = TrafficEngine.plan(request, false);
      return PairExpression.of(
          range -> GrafanaQuery.over(plan, request.dedupe(), request.level(), range),
          step -> GrafanaQuery.tiled(plan, request.dedupe(), request.level(), step));
    }
    QueryPlan plan =
        TrafficEngine.plan(request, false, source, source.counters().get(0).metricNames().get(0));
    return PairExpression.of(
        range -> source.pairExpression(plan, GrafanaQuery.increaseBytes(range)),
        step -> source.pairExpression(plan, GrafanaQuery.tiledBytes(plan, step)));
  }

  /** Whether the expression reads Retina's counter (the one the measured figures are of). */
  boolean retina() {
    return source(request()) == ByteSources.RETINA;
  }

  /** Where the expression is less exact than {@code report}. */
  List<String> caveats() {
    EngineRequest request = request();
    ByteSource source = source(request);
    return source == ByteSources.RETINA
        ? GrafanaQuery.caveats(request.level(), request.dedupe())
        : source.pairExpressionCaveats();
  }

  /** The source named (auto: Retina's); one without a pair expression is refused, saying why. */
  private static ByteSource source(EngineRequest request) {
    ByteSource named = ByteSources.byName(request.source());
    if (named == null || named == ByteSources.RETINA) {
      return ByteSources.RETINA;
    }
    if (named.pairExpression(TrafficEngine.plan(request, false), x -> x) == null) {
      throw new UsageException(
          "rules and dashboard cannot read --source "
              + named.name()
              + ": "
              + String.join("; ", named.pairExpressionCaveats())
              + "; report, check and query read it");
    }
    return named;
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
    FileFormat.require(file, yaml ? "yaml" : "json");
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
