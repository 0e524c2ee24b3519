package dev.zonecost.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.check.Pair;
import dev.zonecost.report.Rollout;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final Instant T = Instant.parse("2026-11-01T01:30:00Z");

  private static WorkloadRef deployment(String ns, String name, String cluster) {
    return new WorkloadRef(ns, "Deployment", name, cluster);
  }

  @Test
  void should_match_a_rollout_to_a_deployment_by_namespace_name_and_cluster_when_named() {
    Rollout r = new Rollout(deployment("shop", "api", "eu-1"), "api-7c9d8", T);
    assertEquals(true, r.of(deployment("shop", "api", "")));
    assertEquals(true, r.of(deployment("shop", "api", "eu-1")));
    assertEquals(false, r.of(deployment("shop", "api", "us-1")), "another cluster");
    assertEquals(false, r.of(deployment("other", "api", "")), "another namespace");
    assertEquals(
        false, r.of(new WorkloadRef("shop", "StatefulSet", "api", "")), "not a Deployment");
  }

  @Test
  void should_attach_rollouts_to_the_top_movers_only_and_in_rank_order() {
    // Comparison.of needs Traffic; withRollouts only reads changes, so build the record directly.
    List<Comparison.Change> changes = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      changes.add(
          new Comparison.Change(
              new Pair(
                  deployment("ns", "c" + i, ""), deployment("shop", i == 6 ? "api" : "db", "")),
              i == 1 ? Comparison.Status.UNCHANGED : Comparison.Status.CHANGED,
              0,
              100 - i,
              0,
              100 - i,
              java.math.BigDecimal.ZERO,
              java.math.BigDecimal.ZERO));
    }
    Comparison c = new Comparison("a", "b", null, null, "USD", changes, java.util.Map.of());
    Rollout db = new Rollout(deployment("shop", "db", ""), "db-1", T);
    Rollout api = new Rollout(deployment("shop", "api", ""), "api-1", T);
    Comparison with = c.withRollouts(List.of(db, api));
    assertEquals(
        List.of("c0", "c2", "c3", "c4", "c5"),
        with.rollouts().keySet().stream().map(p -> p.source().name()).toList(),
        "five changed pairs, the unchanged one skipped");
    with.rollouts().values().forEach(l -> assertEquals(List.of(db), l));
  }
}
