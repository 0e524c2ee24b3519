package dev.zonecost.engine;

import dev.zonecost.accounting.Calibration;
import dev.zonecost.accounting.Sources;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.source.retina.QueryPlan.LabelledQuery;
import java.util.List;
import java.util.Map;

/** The rows and everything the report must say about how they were made. */
public record EngineResult(
    List<TrafficRow> rows,
    TrafficAggregator.Stats stats,
    long resetSeries,
    String backendVersion,
    boolean leftOpenRanges,
    List<LabelledQuery> queriesSent,
    List<String> warnings,
    WindowEdges edges,
    Map<TrafficKey, Sources> sources,
    Calibration calibration) {}
