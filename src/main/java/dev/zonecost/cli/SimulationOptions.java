package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.common.UsageException;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.SimulationSpec;
import dev.zonecost.simulate.TrafficDistribution;
import dev.zonecost.time.TimeParsing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code simulate} builds: the scenario, its window and history, and how it is observed. */
final class SimulationOptions {
  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      defaultValue = "edge",
      completionCandidates = Candidates.ScenarioValues.class,
      description = "seed, edge, large, services or switch (default: ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(
      names = "--end",
      paramLabel = "TIME",
      description = "Last sample's time (default: now, floored to the scrape interval).")
  String end;

  @Option(
      names = "--hours",
      paramLabel = "N",
      description =
          "Hours of the window (expected.json's), 1 to 720 (default: 2; 24 for large); --history"
              + " comes before it.")
  Integer hours;

  @Option(
      names = "--scrape-interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description = "Scrape interval of the simulated series (default: ${DEFAULT-VALUE}).")
  String scrapeInterval;

  @Option(
      names = "--data-aggregation-level",
      paramLabel = "LEVEL",
      defaultValue = "low",
      completionCandidates = Candidates.LevelValues.class,
      description = "Retina's level to simulate: low or high (default: ${DEFAULT-VALUE}).")
  DataAggregationLevel level;

  @Option(
      names = "--cadvisor",
      description =
          "Add kubelet's cAdvisor byte counters per pod (the kernel's count, for doctor's and"
              + " report's calibration); seed and edge only.")
  boolean cadvisor;

  @Option(
      names = "--overlay-cni",
      description =
          "Imitate an overlay CNI: Retina sees each byte once per node even at level low (the"
              + " series of level high), so a report at low is off by half and says so.")
  boolean overlayCni;

  @Option(
      names = "--native-zones",
      description = "Add Retina >= 1.2 source_zone/destination_zone labels.")
  boolean nativeZones;

  @Option(
      names = "--scale",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "Multiplies the large cluster's nodes, pods and workload edges, above 0 and at most 16"
              + " (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--routing",
      paramLabel = "MODE",
      defaultValue = "kube-proxy",
      completionCandidates = Candidates.RoutingValues.class,
      description =
          "How clients reach Services: kube-proxy (DNAT after Retina's hook; default), socket-lb"
              + " (Cilium: backend IPs from the client), pod-ip-only (the first landing's data).")
  Routing routing;

  @Option(
      names = "--traffic-distribution",
      paramLabel = "MODE",
      defaultValue = "default",
      completionCandidates = Candidates.TrafficDistributionValues.class,
      description =
          "The Services' spec.trafficDistribution: default (unset: the scenario's endpoints),"
              + " prefer-same-zone (a client calls a ready endpoint in its zone when there is one,"
              + " as kube-proxy does; the endpoints carry zone hints) or prefer-same-node (one on"
              + " its node first, else as prefer-same-zone). The same cluster either way.")
  TrafficDistribution distribution;

  @Mixin SimulatedSetUpOptions setUps = new SimulatedSetUpOptions();

  @Option(
      names = "--history",
      paramLabel = "DURATION",
      defaultValue = "1h",
      description =
          "Data before the window, as a real Prometheus holds (0 to 7d, a multiple of the scrape"
              + " interval): the window of expected.json starts inside the data. Default:"
              + " ${DEFAULT-VALUE}.")
  String history;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Random seed; the output is a function of all arguments (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The simulator's spec; everything the user typed is checked here. */
  SimulationSpec spec(Clock clock) {
    Duration interval = TimeParsing.duration(scrapeInterval);
    Instant last = end == null ? clock.instant() : TimeParsing.instant(end);
    if (cadvisor && scenario == Scenario.LARGE) {
      throw new UsageException("--cadvisor is for the seed and edge scenarios");
    }
    return scenario
        .spec(
            last,
            hours,
            interval,
            overlayCni ? DataAggregationLevel.HIGH : level,
            nativeZones,
            seed,
            scale,
            history.equals("0") ? Duration.ZERO : TimeParsing.duration(history),
            routing,
            distribution)
        .toBuilder()
        .apply(b -> setUps.apply(b, scenario))
        .build();
  }
}
