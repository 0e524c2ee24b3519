package dev.zonecost.doctor;

import dev.zonecost.engine.ByteSources;
import dev.zonecost.promql.Scope;
import dev.zonecost.source.ByteSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Which byte sources have data in the window (Retina, Beyla / OBI, Istio) and how much of each a
 * report can place in zones: Beyla's series with both zone labels and the attributes that make its
 * copy rule exact, Istio's series with both zones (ztunnel) rather than none (sidecars).
 */
public final class SourcesCheck implements Check {
  public static final String NAME = "byte sources";

  static String count(String selector, String range) {
    return "count(last_over_time(" + selector + "[" + range + "]))";
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    List<String> found = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    CheckResult numbers = CheckResult.info(NAME, "");
    for (ByteSource source : ByteSources.all()) {
      for (String metric : metrics(ctx.scope(), source)) {
        long n = ctx.number(count(ctx.scope().selector(metric), ctx.range()));
        if (n == 0) {
          continue;
        }
        numbers = numbers.with(source.name() + "Series", n);
        names.add(source.name());
        found.add(describe(ctx, source, metric, n, fixes));
        break;
      }
    }
    ctx.sourcesWithData = found.size();
    ctx.sourcesFound = List.copyOf(names);
    if (!ctx.source.equals(ByteSources.AUTO) && !names.contains(ctx.source)) {
      return CheckResult.fail(
          NAME,
          "--source "
              + ctx.source
              + ": no "
              + ctx.source
              + " series in the window"
              + (found.isEmpty() ? "" : " (" + String.join("; ", found) + ")"),
          found.isEmpty()
              ? "install and scrape the source's agent (README, \"Other byte sources\")"
              : "report with --source " + names.get(0) + " or auto, or scrape " + ctx.source);
    }
    if (found.isEmpty()) {
      return CheckResult.fail(
              NAME,
              "no byte counters of Retina, Beyla / OBI or Istio in the window",
              Fixes.RETINA_POD_LEVEL)
          .hint(FixHint.RETINA_POD_LEVEL);
    }
    String measured =
        String.join("; ", found)
            + (found.size() > 1
                ? " — report reads the first (--source auto), --source chooses another"
                : "");
    CheckResult r =
        fixes.isEmpty()
            ? CheckResult.ok(NAME, measured)
            : CheckResult.warn(NAME, measured, String.join("; ", fixes));
    for (var e : numbers.numbers().entrySet()) {
      r = r.with(e.getKey(), e.getValue());
    }
    return r;
  }

  private static List<String> metrics(Scope scope, ByteSource source) {
    return source == ByteSources.RETINA
        ? List.of(scope.names().forwardBytes())
        : source.counters().get(0).metricNames();
  }

  private static String describe(
      DoctorContext ctx, ByteSource source, String metric, long n, List<String> fixes) {
    String head = source.name() + " (" + metric + "): " + n + " series";
    return switch (source.name()) {
      case "beyla" -> {
        Scope scope = ctx.scope();
        String pods = "k8s_src_owner_type!=\"Service\",k8s_dst_owner_type!=\"Service\"";
        long all = ctx.number(count(scope.selector(metric, pods), ctx.range()));
        long zoned =
            ctx.number(
                count(
                    scope.selector(metric, pods + ",src_zone!=\"\",dst_zone!=\"\""), ctx.range()));
        long agent =
            ctx.number(
                    count(
                        scope.selector(metric, pods + ",beyla_ip!=\"\",k8s_src_node_ip!=\"\""),
                        ctx.range()))
                + ctx.number(
                    count(
                        scope.selector(metric, pods + ",obi_ip!=\"\",k8s_src_node_ip!=\"\""),
                        ctx.range()));
        if (zoned == 0) {
          fixes.add(
              "select src.zone and dst.zone for "
                  + metric.replace("_total", "")
                  + " in Beyla's attributes.select (README, \"Beyla / OBI\")");
        }
        List<String> stray = agentsOfNoNode(ctx, metric, pods);
        if (!stray.isEmpty()) {
          fixes.add(
              "agents whose IP is no node's IP in k8s_src_node_ip/k8s_dst_node_ip ("
                  + String.join(", ", stray)
                  + "): the flows their nodes sent have no copy kept, reports miss those bytes;"
                  + " set Beyla's network.agent_ip to the node's IP (BEYLA_NETWORK_AGENT_IP from"
                  + " status.hostIP)");
        }
        if (agent == 0) {
          fixes.add(
              "select beyla.ip, k8s.src.node.ip and k8s.dst.node.ip so that the sender's copy is"
                  + " kept; without them each copy between nodes counts half");
        }
        yield head
            + ", "
            + percent(zoned, all)
            + " of pod-addressed series with both zones, "
            + (agent > 0 ? "sender's copy selectable" : "agent IP not selected");
      }
      case "istio" -> {
        long ztunnel =
            ctx.number(
                count(
                    ctx.scope()
                        .selector(
                            metric,
                            "reporter=\"source\",source_zone!=\"\",source_zone!=\"unknown\""),
                    ctx.range()));
        long reported =
            ctx.number(count(ctx.scope().selector(metric, "reporter=\"source\""), ctx.range()));
        yield head
            + ", "
            + percent(ztunnel, reported)
            + " of source-reporter series with a known source zone (ztunnel; sidecars have none)";
      }
      default -> head;
    };
  }

  /** The agents ({@code beyla_ip} / {@code obi_ip}) whose IP no series names as a node's. */
  static List<String> agentsOfNoNode(DoctorContext ctx, String metric, String pods) {
    java.util.Set<String> nodes = new java.util.HashSet<>();
    java.util.Map<String, String> agents = new java.util.TreeMap<>();
    for (String side : List.of("k8s_src_node_ip", "k8s_dst_node_ip")) {
      for (var s : ctx.query(by(ctx, side, metric, pods + "," + side + "!=\"\""))) {
        nodes.add(s.label(side));
      }
    }
    for (String agent : List.of("beyla_ip", "obi_ip")) {
      String sel = pods + "," + agent + "!=\"\",k8s_src_node_ip!=\"\"";
      for (var s : ctx.query(by(ctx, agent + ", instance", metric, sel))) {
        agents.merge(s.label(agent), s.label("instance"), (a, b) -> a.isEmpty() ? b : a + ", " + b);
      }
    }
    List<String> stray = new ArrayList<>();
    agents.forEach(
        (ip, instance) -> {
          if (!nodes.contains(ip)) {
            stray.add(ip + (instance.isEmpty() ? "" : " (" + instance + ")"));
          }
        });
    return stray;
  }

  private static String by(DoctorContext ctx, String labels, String metric, String matchers) {
    return "count by ("
        + labels
        + ") (last_over_time("
        + ctx.scope().selector(metric, matchers)
        + "["
        + ctx.range()
        + "]))";
  }

  private static String percent(long part, long all) {
    return all == 0 ? "0%" : Math.round(100.0 * part / all) + "%";
  }
}
