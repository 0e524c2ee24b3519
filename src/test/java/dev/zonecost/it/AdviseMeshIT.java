package dev.zonecost.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zonecost.simulate.SimulatedCluster;
import dev.zonecost.simulate.Simulator;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advise} on a meshed cluster (issue 27): the {@code services} cluster's flows exported by
 * Retina and, beside it, by Istio ambient's ztunnel; every Service the model's clients call through
 * is said to be routed by Istio's proxies, with what Istio does with trafficDistribution.
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
}
