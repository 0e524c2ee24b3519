package dev.zonecost.source.retina;

import dev.zonecost.accounting.Observation;
import dev.zonecost.accounting.Selection;
import dev.zonecost.promql.LabelNames;
import dev.zonecost.promql.Matchers;
import dev.zonecost.promql.MetricNames;
import dev.zonecost.promql.PromqlStrings;
import dev.zonecost.source.ByteSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Retina's remote-context counter ({@code networkobservability_adv_forward_bytes}): one
 * series per pod pair, direction and observing agent; the copies are chosen by {@code --dedupe} in
 * the aggregator (DESIGN §3), the direction regex in PromQL.
 */
public final class RetinaSource implements ByteSource {
  public static final String ROLE = "forward";

  @Override
  public String name() {
    return "retina";
  }

  @Override
  public List<Counter> counters() {
    return List.of(new Counter(ROLE, List.of(LabelNames.FORWARD_BYTES)));
  }

  @Override
  public List<Counter> counters(MetricNames names) {
    return List.of(new Counter(ROLE, List.of(names.forwardBytes())));
  }

  @Override
  public List<String> matchers(String directionRegex, Selection sel, String clusterLabel) {
    List<String> m = new ArrayList<>();
    if (directionRegex != null) {
      m.add(LabelNames.DIRECTION + "=~" + PromqlStrings.quote(directionRegex));
    }
    Matchers.add(m, "source_namespace=~", sel.sourceNamespaceRegex());
    Matchers.add(m, "destination_namespace=~", sel.destinationNamespaceRegex());
    Matchers.add(m, "source_namespace!~", sel.excludeSourceNamespaceRegex());
    Matchers.add(m, "destination_namespace!~", sel.excludeDestinationNamespaceRegex());
    Matchers.add(m, clusterLabel + "=", sel.cluster());
    return m;
  }

  @Override
  public Observation observation(
      String role, Map<String, String> labels, String clusterLabel, double bytes) {
    return RetinaSeries.observation(labels, clusterLabel, bytes);
  }

  @Override
  public boolean countsOncePerByte() {
    return false;
  }
}
