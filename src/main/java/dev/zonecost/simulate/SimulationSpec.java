package dev.zonecost.simulate;

import dev.zonecost.accounting.DataAggregationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to simulate. {@code end} must lie on the scrape grid ({@link #alignDown}); the span is
 * {@code [end - hours, end]} with a sample at both ends.
 *
 * @param scenario {@code seed} (the field write-up's two workloads), {@code edge} (seed plus churn,
 *     duplicated kube-state-metrics, a node without zone, a counter reset, name collisions) or
 *     {@code large} (the benchmark's cluster: about 30 nodes, 60 Deployments, 1,500 pods) or {@code
 *     services} (16 Services whose endpoints and clients move, for {@code advise}) or {@code
 *     switch} (6 Services switched to PreferSameZone mid-window, for {@code advise --verify})
 * @param scrapeInterval null means {@link #DEFAULT_SCRAPE_INTERVAL}
 * @param level Retina's data aggregation level; changes the series, not the expected answer. Null
 *     means {@code low}, Retina's default
 * @param nativeZones whether Retina's series carry {@code source_zone}/{@code destination_zone}
 *     (Retina ≥ 1.2)
 * @param scale multiplies the {@code large} cluster's nodes, pods and workload edges; must be 1 for
 *     the other scenarios
 * @param podIpOnly the first landing's data: clients call pod IPs, no Service, no masquerading (for
 *     comparison; a real cluster routes through Services)
 * @param history how much data comes before the window {@code [end - hours, end]}, as real
 *     monitoring data has (null means {@link #DEFAULT_HISTORY}); zero makes the window start at the
 *     first scrape
 * @param distribution the Services' {@code trafficDistribution} (null means unset: the scenario's
 *     own choice of endpoint)
 * @param hostTraffic whether the cluster also has traffic with a node at one end: kubelet probes,
 *     host-network clients and servers, NodePort traffic a node forwards to another zone
 * @param cronJob whether the cluster also runs a CronJob ({@code app-batch/backup}): a Job every 30
 *     minutes of the window, named {@code backup-<scheduled minute>}, whose pod calls the server
 *     for a while; kube-state-metrics exports {@code kube_job_owner} for each Job
 * @param ksmExportedLabels whether kube-state-metrics' series are written as a scrape without
 *     {@code honor_labels} stores them: its {@code namespace}, {@code pod} and {@code service}
 *     renamed {@code exported_*}, the scrape target's in their place
 * @param faults half-broken set-ups real clusters run with (issue 29): each changes what is
 *     written, not the model (null means none)
 */
public record SimulationSpec(
    String scenario,
    Instant end,
    int hours,
    Duration scrapeInterval,
    DataAggregationLevel level,
    boolean nativeZones,
    long seed,
    double scale,
    Duration history,
    Routing routing,
    TrafficDistribution distribution,
    boolean hostTraffic,
    boolean cronJob,
    boolean ksmExportedLabels,
    Set<SetUpFault> faults) {

  /** A half-broken set-up the simulator can write (issue 29 rows 3, 4, 5). */
  public enum SetUpFault {
    /**
     * One Beyla agent reports another interface's IP as {@code beyla_ip} (no node's): the flows its
     * node sent have no copy a reader can keep.
     */
    BEYLA_AGENT_OFF_NODE,
    /** kube-state-metrics without its {@code endpointslices} collector: no EndpointSlice series. */
    KSM_WITHOUT_ENDPOINTSLICES,
    /**
     * Retina scraped by its pod annotations ({@code job="retina"}) and by the chart's
     * ServiceMonitor (prometheus-operator's target labels, {@code instance} the node's IP and the
     * agent's port): every Retina series twice, with the same values.
     */
    RETINA_SCRAPED_TWICE
  }

  /** A spec without faults (the components before {@code faults}). */
  public SimulationSpec(
      String scenario,
      Instant end,
      int hours,
      Duration scrapeInterval,
      DataAggregationLevel level,
      boolean nativeZones,
      long seed,
      double scale,
      Duration history,
      Routing routing,
      TrafficDistribution distribution,
      boolean hostTraffic,
      boolean cronJob,
      boolean ksmExportedLabels) {
    this(
        scenario,
        end,
        hours,
        scrapeInterval,
        level,
        nativeZones,
        seed,
        scale,
        history,
        routing,
        distribution,
        hostTraffic,
        cronJob,
        ksmExportedLabels,
        Set.of());
  }

  /** Whether the set-up has this fault. */
  public boolean has(SetUpFault fault) {
    return faults.contains(fault);
  }

  public static final String SEED = "seed";
  public static final String EDGE = "edge";
  public static final String LARGE = "large";

  /** Sixteen Services whose endpoints and clients move: {@code advise}'s per-interval cases. */
  public static final String SERVICES = "services";

  /**
   * Six Services whose trafficDistribution is switched on mid-window, some delivering the saving
   * and some not: {@code advise --verify}'s cases.
   */
  public static final String SWITCH = "switch";

  /** The small scenarios, checked by hand and swept by the tests. */
  public static final List<String> SCENARIOS = List.of(SEED, EDGE);

  /** Every scenario {@code simulate} accepts. */
  public static final List<String> ALL_SCENARIOS = List.of(SEED, EDGE, LARGE, SERVICES, SWITCH);

  /** The span of a {@code large} cluster when none is given. */
  public static final int DEFAULT_LARGE_HOURS = 24;

  public static final double MAX_SCALE = 16;
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(60);
  public static final int DEFAULT_HOURS = 2;
  public static final int MIN_HOURS = 1;
  public static final int MAX_HOURS = 720;

  /** Data before the window when none is asked for: one look-behind (DESIGN §3). */
  public static final Duration DEFAULT_HISTORY = Duration.ofHours(1);

  public static final Duration MAX_HISTORY = Duration.ofDays(7);

  /**
   * Longest scrape interval: the report's steps must stay below Prometheus' 5-minute lookback
   * (DESIGN §3), and a series must never look absent between two of its own samples.
   */
  public static final Duration MAX_SCRAPE_INTERVAL = Duration.ofMinutes(4);

  public SimulationSpec {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(end, "end");
    if (!ALL_SCENARIOS.contains(scenario)) {
      throw new IllegalArgumentException(
          "unknown scenario '" + scenario + "', expected one of " + ALL_SCENARIOS);
    }
    if (!(scale > 0 && scale <= MAX_SCALE)) {
      throw new IllegalArgumentException("scale must be above 0 and at most 16, got " + scale);
    }
    if (scale != 1 && !scenario.equals(LARGE)) {
      throw new IllegalArgumentException("only the large scenario scales, not " + scenario);
    }
    if (hours < MIN_HOURS || hours > MAX_HOURS) {
      throw new IllegalArgumentException(
          "hours must be between " + MIN_HOURS + " and " + MAX_HOURS + ", got " + hours);
    }
    scrapeInterval = scrapeInterval == null ? DEFAULT_SCRAPE_INTERVAL : scrapeInterval;
    history = history == null ? DEFAULT_HISTORY : history;
    routing = routing == null ? Routing.KUBE_PROXY : routing;
    distribution = distribution == null ? TrafficDistribution.DEFAULT : distribution;
    level = level == null ? DataAggregationLevel.LOW : level;
    faults =
        faults == null || faults.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(faults));
    checkInterval(scrapeInterval);
    if (Duration.ofHours(hours).getSeconds() % scrapeInterval.getSeconds() != 0) {
      throw new IllegalArgumentException(
          "scrape interval " + scrapeInterval + " does not divide " + hours + "h evenly");
    }
    if (history.isNegative()
        || history.compareTo(MAX_HISTORY) > 0
        || history.getSeconds() % scrapeInterval.getSeconds() != 0
        || history.getNano() != 0) {
      throw new IllegalArgumentException(
          "history must be a multiple of the scrape interval between 0 and 7d, got " + history);
    }
    if (!alignDown(end, scrapeInterval).equals(end)) {
      throw new IllegalArgumentException(
          "end "
              + end
              + " is not a multiple of the scrape interval "
              + scrapeInterval
              + "; use SimulationSpec.alignDown");
    }
  }

  /** The seed of a spec that names none. */
  public static final long DEFAULT_SEED = 1;

  /**
   * A spec of {@code scenario} ending at {@code end}, with the defaults until set: {@value
   * #DEFAULT_HOURS} hours, 60 s scrapes, level low, no native zones, seed {@value #DEFAULT_SEED},
   * scale 1, one hour of history, kube-proxy routing, no traffic distribution.
   */
  public static Builder builder(String scenario, Instant end) {
    return new Builder(scenario, end);
  }

  /** A builder holding this spec's values: to make the same cluster with a change or two. */
  public Builder toBuilder() {
    return builder(scenario, end)
        .hours(hours)
        .scrapeInterval(scrapeInterval)
        .level(level)
        .nativeZones(nativeZones)
        .seed(seed)
        .scale(scale)
        .history(history)
        .routing(routing)
        .distribution(distribution)
        .hostTraffic(hostTraffic)
        .cronJob(cronJob)
        .ksmExportedLabels(ksmExportedLabels)
        .faults(faults);
  }

  /** A spec with the defaults of {@link #builder}. */
  public static SimulationSpec of(String scenario, Instant end) {
    return builder(scenario, end).build();
  }

  /** Collects a spec's values; {@link #build} checks them (as the record's constructor does). */
  public static final class Builder {
    private final String scenario;
    private final Instant end;
    private int hours = DEFAULT_HOURS;
    private Duration scrapeInterval;
    private DataAggregationLevel level;
    private boolean nativeZones;
    private long seed = DEFAULT_SEED;
    private double scale = 1;
    private Duration history;
    private Routing routing;
    private TrafficDistribution distribution;
    private boolean hostTraffic;
    private boolean cronJob;
    private boolean ksmExportedLabels;
    private final Set<SetUpFault> faults = java.util.EnumSet.noneOf(SetUpFault.class);

    private Builder(String scenario, Instant end) {
      this.scenario = scenario;
      this.end = end;
    }

    public Builder hours(int hours) {
      this.hours = hours;
      return this;
    }

    /** Null means {@link #DEFAULT_SCRAPE_INTERVAL}. */
    public Builder scrapeInterval(Duration scrapeInterval) {
      this.scrapeInterval = scrapeInterval;
      return this;
    }

    /** Null means {@code low}. */
    public Builder level(DataAggregationLevel level) {
      this.level = level;
      return this;
    }

    public Builder nativeZones(boolean nativeZones) {
      this.nativeZones = nativeZones;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder scale(double scale) {
      this.scale = scale;
      return this;
    }

    /** Null means {@link #DEFAULT_HISTORY}. */
    public Builder history(Duration history) {
      this.history = history;
      return this;
    }

    /** Null means {@link Routing#KUBE_PROXY}. */
    public Builder routing(Routing routing) {
      this.routing = routing;
      return this;
    }

    /** Null means {@link TrafficDistribution#DEFAULT}. */
    public Builder distribution(TrafficDistribution distribution) {
      this.distribution = distribution;
      return this;
    }

    public Builder hostTraffic(boolean hostTraffic) {
      this.hostTraffic = hostTraffic;
      return this;
    }

    public Builder cronJob(boolean cronJob) {
      this.cronJob = cronJob;
      return this;
    }

    public Builder ksmExportedLabels(boolean ksmExportedLabels) {
      this.ksmExportedLabels = ksmExportedLabels;
      return this;
    }

    /** {@link SetUpFault#BEYLA_AGENT_OFF_NODE}. */
    public Builder beylaAgentOffNode(boolean on) {
      return fault(SetUpFault.BEYLA_AGENT_OFF_NODE, on);
    }

    /** {@link SetUpFault#KSM_WITHOUT_ENDPOINTSLICES}. */
    public Builder ksmWithoutEndpointSlices(boolean on) {
      return fault(SetUpFault.KSM_WITHOUT_ENDPOINTSLICES, on);
    }

    /** {@link SetUpFault#RETINA_SCRAPED_TWICE}. */
    public Builder retinaScrapedTwice(boolean on) {
      return fault(SetUpFault.RETINA_SCRAPED_TWICE, on);
    }

    public Builder faults(Set<SetUpFault> all) {
      faults.clear();
      faults.addAll(all);
      return this;
    }

    private Builder fault(SetUpFault fault, boolean on) {
      if (on) {
        faults.add(fault);
      } else {
        faults.remove(fault);
      }
      return this;
    }

    /** Lets {@code change} set what it knows (options kept elsewhere), then goes on. */
    public Builder apply(java.util.function.Consumer<Builder> change) {
      change.accept(this);
      return this;
    }

    /** The spec; throws {@link IllegalArgumentException} when a value is out of range. */
    public SimulationSpec build() {
      return new SimulationSpec(
          scenario,
          end,
          hours,
          scrapeInterval,
          level,
          nativeZones,
          seed,
          scale,
          history,
          routing,
          distribution,
          hostTraffic,
          cronJob,
          ksmExportedLabels,
          faults);
    }
  }

  /** Floors {@code t} to a multiple of {@code interval} since the epoch (whole seconds). */
  public static Instant alignDown(Instant t, Duration interval) {
    checkInterval(interval);
    long s = interval.getSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
  }

  /** The window's start: {@code hours} before its end. */
  public Instant start() {
    return end.minus(Duration.ofHours(hours));
  }

  /** The first scrape: {@code history} before the window. */
  public Instant dataStart() {
    return start().minus(history);
  }

  /** Scrape intervals in the window. */
  public int windowSteps() {
    return Math.toIntExact(Duration.ofHours(hours).getSeconds() / scrapeInterval.getSeconds());
  }

  /** Scrape intervals before the window. */
  public int historySteps() {
    return Math.toIntExact(history.getSeconds() / scrapeInterval.getSeconds());
  }

  /** Scrape intervals in the data; there are {@code steps() + 1} scrape instants. */
  public int steps() {
    return historySteps() + windowSteps();
  }

  private static void checkInterval(Duration interval) {
    Objects.requireNonNull(interval, "scrape interval");
    if (interval.isNegative()
        || interval.isZero()
        || interval.getNano() != 0
        || interval.compareTo(MAX_SCRAPE_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "scrape interval must be whole seconds between 1s and "
              + MAX_SCRAPE_INTERVAL.getSeconds()
              + "s, got "
              + interval);
    }
  }
}
