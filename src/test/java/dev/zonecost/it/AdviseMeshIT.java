package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise} on a meshed cluster (issue 27): the {@code services} cluster's flows exported by
 * Retina and, beside it, by Istio ambient's ztunnel; every Service the model's clients call through
 * is said to be routed by Istio's proxies, with what Istio does with trafficDistribution; the same
 * with Linkerd's proxy series for some of the clients.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AdviseMeshIT {
  @Test
  void services_istio_carried_say_so_and_the_rest_do_not(@TempDir Path dir) throws Exception {
    SimulatedCluster c = Simulator.generate(AdviseStepsIT.SPEC);
    try (Backend b = Backend.prometheus(dir, c, w -> c.writeOpenMetricsWithRetina(w, "istio"))) {
      JsonNode advice =
          AdviseIT.json(
              AdviseIT.run(
                  "advise", b, AdviseStepsIT.SPEC.start(), AdviseStepsIT.END, "-o", "json"));
      TreeSet<String> meshed = new TreeSet<>();
      TreeSet<String> called = new TreeSet<>();
      for (JsonNode s : advice.get("services")) {
        String key = s.get("namespace").asText() + "/" + s.get("service").asText();
        if (!s.get("mesh").isNull()) {
          assertEquals("istio", s.get("mesh").get("name").asText(), s.toString());
          assertTrue(s.get("todo").asText().contains("Istio's proxies"), s.toString());
          meshed.add(key);
        }
      }
      for (var r : c.answer().expectedByService(AdviseStepsIT.SPEC.start(), AdviseStepsIT.END)) {
        if (r.key().destination().kind().equals("Service")) {
          called.add(r.key().destination().namespace() + "/" + r.key().destination().name());
        }
      }
      assertEquals(called, meshed);
      assertTrue(meshed.size() >= 10, meshed.toString());
    }
  }

  /**
   * Linkerd injected into every client workload but one (the services cluster's clients share a
   * namespace): the Services those clients call are said to be routed by Linkerd, every other
   * Service (called only by the workload without the proxy) is not.
   */
  @Test
  void services_linkerds_client_proxies_carried_say_so_and_the_rest_do_not(@TempDir Path dir)
      throws Exception {
    SimulatedCluster c = Simulator.generate(AdviseStepsIT.SPEC);
    var rows = c.answer().expectedByService(AdviseStepsIT.SPEC.start(), AdviseStepsIT.END);
    List<WorkloadRef> clients =
        rows.stream()
            .filter(r -> r.key().destination().kind().equals("Service"))
            .map(r -> r.key().source())
            .distinct()
            .sorted(java.util.Comparator.comparing(WorkloadRef::toString))
            .toList();
    Set<WorkloadRef> injected = Set.copyOf(clients.subList(0, clients.size() - 1));
    TreeSet<String> called = new TreeSet<>();
    TreeSet<String> calledByInjected = new TreeSet<>();
    for (var r : rows) {
      if (r.key().destination().kind().equals("Service")) {
        String key = r.key().destination().namespace() + "/" + r.key().destination().name();
        called.add(key);
        if (injected.contains(r.key().source())) {
          calledByInjected.add(key);
        }
      }
    }
    try (Backend b =
        Backend.prometheus(dir, c, w -> c.writeOpenMetricsWithLinkerd(w, injected::contains))) {
      JsonNode advice =
          AdviseIT.json(
              AdviseIT.run(
                  "advise", b, AdviseStepsIT.SPEC.start(), AdviseStepsIT.END, "-o", "json"));
      TreeSet<String> meshed = new TreeSet<>();
      TreeSet<String> advised = new TreeSet<>();
      for (JsonNode s : advice.get("services")) {
        String key = s.get("namespace").asText() + "/" + s.get("service").asText();
        advised.add(key);
        if (!s.get("mesh").isNull()) {
          assertEquals("linkerd", s.get("mesh").get("name").asText(), s.toString());
          assertTrue(
              s.get("mesh")
                  .get("trafficDistribution")
                  .asText()
                  .contains("PreferSameNode routes" + " as PreferSameZone"),
              s.toString());
          assertTrue(s.get("todo").asText().contains("Linkerd's proxies"), s.toString());
          meshed.add(key);
        } else {
          assertFalse(s.get("todo").asText().contains("Linkerd"), s.toString());
        }
      }
      assertEquals(calledByInjected, meshed);
      assertTrue(advised.containsAll(called), advised + " lacks some of " + called);
      assertTrue(meshed.size() >= 3, meshed + " of " + called + ", clients " + clients);
      assertTrue(meshed.size() < called.size(), "some Services are called only without Linkerd");
    }
  }
}
