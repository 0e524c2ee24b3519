package dev.zonecost.simulate;

import dev.zonecost.accounting.TrafficKey;
import java.util.BitSet;
import java.util.Map;

/**
 * One series of a byte source other than Retina, as its agent would export it from the model's
 * flows: the values are the agent's counter at every step from {@code from}, {@code present} the
 * steps Prometheus holds a sample of it. {@code keptAs} is the row its bytes belong to when it is
 * the copy a correct reading keeps once per byte (decided from the model: the sender's agent, the
 * client's reporter), null for the copies a reading must leave out.
 */
record SourceCounter(
    String family,
    Map<String, String> labels,
    String agent,
    int from,
    long[] values,
    BitSet present,
    TrafficKey keptAs) {}
