package dev.zonecost.engine;

import dev.zonecost.prometheus.PrometheusApi;
import dev.zonecost.prometheus.ResultInfo;
import dev.zonecost.prometheus.Sample;
import dev.zonecost.prometheus.Series;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A Prometheus API over a store of samples that evaluates, by PromQL's own semantics, the queries
 * the engine sends for a byte counter: selectors with {@code =, !=, =~, !~}, range selectors with
 * {@code @}, {@code resets}, {@code last_over_time}, {@code min_over_time}, {@code count [by]},
 * {@code and}, {@code unless}, {@code * N} (the name dropped), {@code > N} and subqueries.
 * Everything it does not know (the kube-state-metrics reads) answers an empty vector, as a server
 * without those metrics does. Ranges are closed ({@code [t − d, t]}, Prometheus 2) or left-open
 * ({@code (t − d, t]}, Prometheus 3).
 */
final class SampleStoreApi implements PrometheusApi {
  private final List<Series> store;
  private final boolean leftOpen;
  private final String metric;

  /**
   * @param store every series with its {@code __name__} label and samples in timestamp order
   */
  SampleStoreApi(List<Series> store, String metric, boolean leftOpen) {
    this.store = store;
    this.metric = metric;
    this.leftOpen = leftOpen;
  }

  @Override
  public Optional<String> version() {
    return Optional.of(leftOpen ? "3.0.0" : "2.42.0");
  }

  @Override
  public ResultInfo query(String promql, Instant time, Consumer<Series> sink) {
    if (!promql.contains(metric)) {
      return new ResultInfo("vector", List.of(), List.of());
    }
    Parser p = new Parser(promql);
    Node n = p.expr();
    p.end();
    Value v = n.eval(time.toEpochMilli());
    v.series.forEach(sink);
    return new ResultInfo(v.matrix ? "matrix" : "vector", List.of(), List.of());
  }

  /** A result: instant samples (one each, at the evaluation time) or ranges of samples. */
  private record Value(boolean matrix, List<Series> series) {}

  private interface Node {
    Value eval(long t);
  }

  private List<Sample> inRange(Series s, long t, long range) {
    List<Sample> out = new ArrayList<>();
    for (Sample x : s.samples()) {
      long ts = x.timestampMillis();
      if (ts <= t && (leftOpen ? ts > t - range : ts >= t - range)) {
        out.add(x);
      }
    }
    return out;
  }

  private static Map<String, String> withoutName(Map<String, String> labels) {
    Map<String, String> m = new TreeMap<>(labels);
    m.remove("__name__");
    return m;
  }

  private final class Parser {
    private final String q;
    private int i;

    Parser(String q) {
      this.q = q;
    }

    void end() {
      ws();
      if (i != q.length()) {
        throw new IllegalArgumentException("unparsed at " + i + ": " + q);
      }
    }

    private void ws() {
      while (i < q.length() && q.charAt(i) == ' ') {
        i++;
      }
    }

    private boolean eat(String s) {
      ws();
      if (q.startsWith(s, i)) {
        i += s.length();
        return true;
      }
      return false;
    }

    private void expect(String s) {
      if (!eat(s)) {
        throw new IllegalArgumentException("expected '" + s + "' at " + i + ": " + q);
      }
    }

    private String ident() {
      ws();
      int j = i;
      while (i < q.length()
          && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_' || q.charAt(i) == ':')) {
        i++;
      }
      return q.substring(j, i);
    }

    Node expr() {
      Node left = comparison();
      while (true) {
        if (eat(" and ") || eat("and ")) {
          Node l = left;
          Node r = comparison();
          left = t -> setOp(l.eval(t), r.eval(t), true);
        } else if (eat("unless ")) {
          Node l = left;
          Node r = comparison();
          left = t -> setOp(l.eval(t), r.eval(t), false);
        } else {
          return left;
        }
      }
    }

    private Node comparison() {
      Node n = primary();
      if (eat("*")) {
        // a vector times a number: each value scaled, the metric name dropped
        double factor = number();
        Node inner = n;
        n =
            t -> {
              List<Series> out = new ArrayList<>();
              for (Series s : inner.eval(t).series) {
                Sample x = s.samples().get(0);
                out.add(
                    new Series(
                        withoutName(s.labels()),
                        List.of(new Sample(x.timestampMillis(), x.value() * factor))));
              }
              return new Value(false, out);
            };
      }
      if (eat(">")) {
        ws();
        int j = i;
        while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
          i++;
        }
        double bound = Double.parseDouble(q.substring(j, i));
        Node inner = n;
        n =
            t -> {
              List<Series> out = new ArrayList<>();
              for (Series s : inner.eval(t).series) {
                if (s.samples().get(0).value() > bound) {
                  out.add(s);
                }
              }
              return new Value(false, out);
            };
      }
      return n;
    }

    private Node primary() {
      if (eat("(")) {
        Node inner = expr();
        expect(")");
        if (eat("[")) {
          long range = duration();
          expect(":");
          long step = duration();
          expect("]");
          return t -> subquery(inner, t, range, step);
        }
        return inner;
      }
      int save = i;
      String name = ident();
      switch (name) {
        case "resets", "last_over_time", "min_over_time" -> {
          expect("(");
          RangeSel r = rangeSelector();
          expect(")");
          return t -> overTime(name, r, t);
        }
        case "count" -> {
          List<String> by = null;
          if (eat("by")) {
            expect("(");
            by = new ArrayList<>();
            do {
              by.add(ident());
            } while (eat(","));
            expect(")");
          }
          expect("(");
          Node inner = expr();
          expect(")");
          List<String> grouping = by;
          return t -> count(inner.eval(t), grouping);
        }
        default -> {
          i = save;
          RangeSel r = rangeSelector();
          if (r.range == 0) {
            throw new IllegalArgumentException("instant selector not supported: " + q);
          }
          return t -> raw(r, t);
        }
      }
    }

    private double number() {
      ws();
      int j = i;
      while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
        i++;
      }
      return Double.parseDouble(q.substring(j, i));
    }

    private RangeSel rangeSelector() {
      String name = ident();
      List<Matcher> matchers = new ArrayList<>();
      if (eat("{")) {
        if (!eat("}")) {
          do {
            String label = ident();
            ws();
            String op;
            if (eat("=~")) {
              op = "=~";
            } else if (eat("!~")) {
              op = "!~";
            } else if (eat("!=")) {
              op = "!=";
            } else {
              expect("=");
              op = "=";
            }
            matchers.add(new Matcher(label, op, string()));
          } while (eat(","));
          expect("}");
        }
      }
      long range = 0;
      if (eat("[")) {
        range = duration();
        expect("]");
      }
      Long at = null;
      if (eat("@")) {
        ws();
        int j = i;
        while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
          i++;
        }
        at = new BigDecimal(q.substring(j, i)).movePointRight(3).longValueExact();
      }
      return new RangeSel(name, matchers, range, at);
    }

    private String string() {
      ws();
      if (q.charAt(i) != '"') {
        throw new IllegalArgumentException("expected a string at " + i + ": " + q);
      }
      i++;
      StringBuilder sb = new StringBuilder();
      while (q.charAt(i) != '"') {
        char c = q.charAt(i++);
        if (c == '\\') {
          char e = q.charAt(i++);
          sb.append(
              switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> e;
              });
        } else {
          sb.append(c);
        }
      }
      i++;
      return sb.toString();
    }

    private long duration() {
      ws();
      int j = i;
      while (Character.isDigit(q.charAt(i))) {
        i++;
      }
      long n = Long.parseLong(q.substring(j, i));
      if (eat("ms")) {
        return n;
      }
      if (eat("s")) {
        return n * 1000;
      }
      if (eat("m")) {
        return n * 60_000;
      }
      if (eat("h")) {
        return n * 3_600_000;
      }
      throw new IllegalArgumentException("unknown duration unit at " + i + ": " + q);
    }
  }

  private record Matcher(String label, String op, String value) {
    boolean test(Map<String, String> labels) {
      String v = labels.getOrDefault(label, "");
      return switch (op) {
        case "=" -> v.equals(value);
        case "!=" -> !v.equals(value);
        case "=~" -> Pattern.compile(value).matcher(v).matches();
        default -> !Pattern.compile(value).matcher(v).matches();
      };
    }
  }

  private record RangeSel(String metric, List<Matcher> matchers, long range, Long at) {
    boolean selects(Series s) {
      return s.label("__name__").equals(metric)
          && matchers.stream().allMatch(m -> m.test(s.labels()));
    }
  }

  private Value overTime(String fn, RangeSel r, long t) {
    long at = r.at == null ? t : r.at;
    List<Series> out = new ArrayList<>();
    for (Series s : store) {
      if (!r.selects(s)) {
        continue;
      }
      List<Sample> in = inRange(s, at, r.range);
      if (in.isEmpty()) {
        continue;
      }
      double v =
          switch (fn) {
            case "last_over_time" -> in.get(in.size() - 1).value();
            case "min_over_time" -> in.stream().mapToDouble(Sample::value).min().orElseThrow();
            default -> {
              int resets = 0;
              for (int k = 1; k < in.size(); k++) {
                if (in.get(k).value() < in.get(k - 1).value()) {
                  resets++;
                }
              }
              yield resets;
            }
          };
      out.add(new Series(withoutName(s.labels()), List.of(new Sample(t, v))));
    }
    return new Value(false, out);
  }

  private Value raw(RangeSel r, long t) {
    long at = r.at == null ? t : r.at;
    List<Series> out = new ArrayList<>();
    for (Series s : store) {
      if (r.selects(s)) {
        List<Sample> in = inRange(s, at, r.range);
        if (!in.isEmpty()) {
          out.add(new Series(new TreeMap<>(s.labels()), in));
        }
      }
    }
    return new Value(true, out);
  }

  private static Value setOp(Value left, Value right, boolean and) {
    List<Map<String, String>> keys = new ArrayList<>();
    right.series.forEach(s -> keys.add(s.labels()));
    List<Series> out = new ArrayList<>();
    for (Series s : left.series) {
      if (keys.contains(s.labels()) == and) {
        out.add(s);
      }
    }
    return new Value(false, out);
  }

  private static Value count(Value v, List<String> by) {
    Map<Map<String, String>, Integer> groups = new LinkedHashMap<>();
    long t = 0;
    for (Series s : v.series) {
      Map<String, String> key = new TreeMap<>();
      if (by != null) {
        for (String l : by) {
          if (!s.label(l).isEmpty()) {
            key.put(l, s.label(l));
          }
        }
      }
      groups.merge(key, 1, Integer::sum);
      t = s.samples().get(0).timestampMillis();
    }
    List<Series> out = new ArrayList<>();
    long at = t;
    groups.forEach((k, n) -> out.add(new Series(k, List.of(new Sample(at, n)))));
    return new Value(false, out);
  }

  /** A subquery: the inner expression at every multiple of the step in the range. */
  private Value subquery(Node inner, long t, long range, long step) {
    long from = t - range;
    long first = Math.floorDiv(from, step) * step;
    if (first < from || (leftOpen && first == from)) {
      first += step;
    }
    Map<Map<String, String>, List<Sample>> bySeries = new HashMap<>();
    List<Map<String, String>> order = new ArrayList<>();
    for (long at = first; at <= t; at += step) {
      for (Series s : inner.eval(at).series) {
        bySeries
            .computeIfAbsent(
                s.labels(),
                k -> {
                  order.add(k);
                  return new ArrayList<>();
                })
            .add(new Sample(at, s.samples().get(0).value()));
      }
    }
    List<Series> out = new ArrayList<>();
    order.forEach(k -> out.add(new Series(k, bySeries.get(k))));
    return new Value(true, out);
  }
}
