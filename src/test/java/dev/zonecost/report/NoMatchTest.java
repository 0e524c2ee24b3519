package dev.zonecost.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.accounting.Selection;
import dev.zonecost.accounting.TrafficAggregator;
import dev.zonecost.accounting.TrafficKey;
import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.accounting.WindowEdges;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.EngineResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exit 5 for a selection that matches nothing names the option and what is there (issue 32). */
class NoMatchTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T02:00:00Z");

  private static EngineRequest request(Selection s) {
    return new EngineRequest(
        START, END, DedupeMode.AUTO, DataAggregationLevel.LOW, s, GroupBy.WORKLOAD);
  }

  private static EngineResult result(long series, TrafficRow... rows) {
    return new EngineResult(
        List.of(rows),
        new TrafficAggregator.Stats(series, 0, 0, 0, 0, 0, 0, 0, 0, null),
        0,
        "",
        false,
        List.of(),
        List.of(),
        WindowEdges.unclipped(START),
        Map.of(),
        null,
        "retina",
        List.of());
  }

  private static TrafficRow row(String srcNs, String src, String dstNs, String dst) {
    return new TrafficRow(
        new TrafficKey(
            new WorkloadRef(srcNs, "Deployment", src),
            new WorkloadRef(dstNs, "Deployment", dst),
            "a",
            "b"),
        100);
  }

  private static final EngineResult DATA =
      result(
          4,
          row("app-client", "client", "app-server", "server"),
          row("app-server", "server", "app-client", "client"),
          row("app-db", "postgres", "app-cache", "redis"));

  @Test
  void should_name_the_option_the_nearest_namespaces_and_that_a_glob_is_not_a_regex() {
    List<EngineRequest> asked = new ArrayList<>();
    String msg =
        NoMatch.explain(
                request(new Selection("app-*", null, null, null)),
                result(0),
                r -> {
                  asked.add(r);
                  return DATA;
                })
            .getMessage();
    assertEquals(
        "no Retina traffic matched in 2026-11-01T00:00:00Z .. 2026-11-01T02:00:00Z:"
            + " --from-namespace 'app-*' matches no source namespace in the window; nearest of its"
            + " 3: app-client, app-db, app-server. The regexes are anchored, as PromQL's are: the"
            + " whole name must match ('app-*' is not a glob: for names starting so, write"
            + " 'app-.*')",
        msg);
    assertEquals(1, asked.size());
    assertEquals(null, asked.get(0).selection().sourceNamespaceRegex(), "asked without it");
  }

  @Test
  void should_name_the_nearest_workloads_for_a_typo() {
    String msg =
        NoMatch.explain(request(new Selection(null, null, null, "sever")), result(4), r -> DATA)
            .getMessage();
    assertTrue(
        msg.contains(
            "--to-workload 'sever' matches no destination workload in the window; nearest of its"
                + " 3: server, redis, client"),
        msg);
    assertTrue(msg.contains("a part of a name needs '.*' around it"), msg);
    assertFalse(msg.contains("selected direction"), msg);
  }

  @Test
  void should_say_when_each_option_matches_but_not_together() {
    String msg =
        NoMatch.explain(
                request(new Selection("app-db", "app-client", null, null)), result(4), r -> DATA)
            .getMessage();
    assertTrue(
        msg.endsWith(
            "each of --from-namespace 'app-db', --to-namespace 'app-client' matches some traffic,"
                + " but none matches all of them (3 rows without the selection)"),
        msg);
  }

  @Test
  void should_send_to_doctor_when_the_window_has_no_data_at_all() {
    String plain = NoMatch.explain(request(Selection.ALL), result(0), r -> DATA).getMessage();
    assertTrue(
        plain.contains("no networkobservability_adv_forward_bytes series in the window"), plain);
    assertTrue(plain.contains("run `zonecost doctor`"), plain);
    String selected =
        NoMatch.explain(request(new Selection("x", null, null, null)), result(0), r -> result(0))
            .getMessage();
    assertTrue(selected.contains("with or without the selection"), selected);
    assertTrue(selected.contains("run `zonecost doctor`"), selected);
  }
}
