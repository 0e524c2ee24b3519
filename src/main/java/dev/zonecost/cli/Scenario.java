package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.common.UsageException;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.TrafficDistribution;
import dev.zonecost.time.TimeParsing;
import java.time.Duration;
import java.time.Instant;

/** {@code simulate --scenario}: the simulator's named clusters and what each accepts. */
enum Scenario {
  SEED(SimulationSpec.SEED),
  EDGE(SimulationSpec.EDGE),
  LARGE(SimulationSpec.LARGE),
  SERVICES(SimulationSpec.SERVICES),
  SWITCH(SimulationSpec.SWITCH);

  final String specName;

  Scenario(String specName) {
    this.specName = specName;
  }

  /** The simulator's spec; the end is floored to the scrape interval. */
  SimulationSpec spec(
      Instant end,
      Integer hours,
      Duration interval,
      DataAggregationLevel level,
      boolean nativeZones,
      long seed,
      double scale,
      Duration history,
      Routing routing,
      TrafficDistribution distribution) {
    long ms = interval.toMillis();
    Instant floored = Instant.ofEpochMilli(Math.floorDiv(end.toEpochMilli(), ms) * ms);
    try {
      return SimulationSpec.builder(specName, floored)
          .hours(hours(hours))
          .scrapeInterval(interval)
          .level(level)
          .nativeZones(nativeZones)
          .seed(seed)
          .scale(scale(scale))
          .history(history(history, interval))
          .routing(routing)
          .distribution(distribution)
          .build();
    } catch (IllegalArgumentException e) {
      // The spec's own checks (interval range, intervals dividing the span) are usage errors.
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** --history: 0 to 7 days, a whole number of scrape intervals. */
  static Duration history(Duration given, Duration interval) {
    if (given.compareTo(SimulationSpec.MAX_HISTORY) > 0
        || given.toMillis() % interval.toMillis() != 0) {
      throw new UsageException(
          "--history must be at most 7d and a multiple of the scrape interval ("
              + TimeParsing.format(interval)
              + "), not "
              + TimeParsing.format(given));
    }
    return given;
  }

  /** --hours, or the scenario's default; 1 to 720 (30 days). */
  int hours(Integer given) {
    int span =
        given != null
            ? given
            : this == LARGE ? SimulationSpec.DEFAULT_LARGE_HOURS : SimulationSpec.DEFAULT_HOURS;
    if (span < SimulationSpec.MIN_HOURS || span > SimulationSpec.MAX_HOURS) {
      throw new UsageException(
          "--hours must be between 1 and " + SimulationSpec.MAX_HOURS + ", not " + span);
    }
    return span;
  }

  /** --scale: above 0 and at most 16, and other than 1 only for the large cluster. */
  double scale(double given) {
    if (!(given > 0 && given <= SimulationSpec.MAX_SCALE)) {
      throw new UsageException("--scale must be above 0 and at most 16, not " + given);
    }
    if (given != 1 && this != LARGE) {
      throw new UsageException("--scale applies to --scenario large only");
    }
    return given;
  }
}
