package dev.zonecost.prometheus;

import java.util.List;

/** A whole decoded result, for answers small enough to hold. */
public record QueryResult(ResultInfo info, List<Series> series) {}
