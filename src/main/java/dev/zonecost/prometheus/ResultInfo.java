package dev.zonecost.prometheus;

import java.util.List;

/** What a response said besides its series: result type, warnings and infos. */
public record ResultInfo(String resultType, List<String> warnings, List<String> infos) {}
