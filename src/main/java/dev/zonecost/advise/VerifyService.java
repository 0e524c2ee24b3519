package dev.zonecost.advise;

import dev.zonecost.engine.EngineRequest;
import dev.zonecost.engine.ServiceTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code advise --verify} use case: the earlier window advised as {@code advise} would have
 * advised it (the prediction), the current window advised with its zone hints set aside (what
 * kube-proxy's rule leaves crossing there, next to what was measured), then each Service held by
 * {@link Verifier}. The reading is handed in, as to {@link AdviseService}.
 */
public final class VerifyService {
  private final AdviseService advise;

  /**
   * @param advise advises each window; its topology reading is watched to keep what each read
   */
  public VerifyService(AdviseService advise) {
    this.advise = advise;
  }

  /**
   * @param before the current request's settings over the earlier window
   * @param specs the Services file's entries, null without one: their trafficDistribution and
   *     topology-mode are today's, so both windows set them aside and read the hints instead
   */
  public VerificationReport verify(
      EngineRequest before,
      EngineRequest after,
      KubernetesVersion version,
      Datapath datapath,
      Map<ServiceKey, ServiceSpec> specs) {
    Map<ServiceKey, ServiceSpec> off = routingOff(specs);
    Map<String, ServiceTopology> read = new HashMap<>();
    AdviceReport predicted =
        advise
            .readingTopology(t -> remember(read, "before", t))
            .advise(before, version, datapath, off);
    AdviceReport now =
        advise
            .readingTopology(t -> withoutHints(remember(read, "after", t)))
            .advise(after, version, datapath, off);
    ServiceTopology topoB = read.get("before");
    ServiceTopology topoA = read.get("after");
    Map<ServiceKey, Advice> b = byKey(predicted);
    Map<ServiceKey, Advice> a = byKey(now);
    TreeSet<ServiceKey> keys = new TreeSet<>(b.keySet());
    keys.addAll(a.keySet());
    List<Verification> out = new ArrayList<>();
    for (ServiceKey key : keys) {
      // The topology is keyed by "namespace/name" strings (engine).
      String label = key.joined();
      out.add(
          Verifier.verify(
              key.namespace(),
              key.name(),
              window(b.get(key), topoB, label),
              window(a.get(key), topoA, label),
              topoA.hinted().contains(label)));
    }
    List<String> assumptions = new ArrayList<>(predicted.assumptions());
    assumptions.add(
        "the prediction is the earlier window's share of each Service's bytes left crossing,"
            + " applied to the current window's bytes; so is the baseline (the share that crossed"
            + " before)");
    return new VerificationReport(
        before.start(), before.end(), after.start(), after.end(), out, assumptions);
  }

  private static ServiceTopology remember(
      Map<String, ServiceTopology> read, String which, ServiceTopology t) {
    read.put(which, t);
    return t;
  }

  private static Verifier.Window window(Advice a, ServiceTopology t, String label) {
    return a == null ? null : new Verifier.Window(a, t.coverage().getOrDefault(label, Map.of()));
  }

  private static Map<ServiceKey, Advice> byKey(AdviceReport r) {
    Map<ServiceKey, Advice> out = new TreeMap<>();
    r.services().forEach(x -> out.put(new ServiceKey(x.namespace(), x.name()), x));
    return out;
  }

  /** The topology as if no hints were seen: the model's what-if runs on the window as it was. */
  static ServiceTopology withoutHints(ServiceTopology t) {
    return new ServiceTopology(
        t.endpoints(),
        t.coverage(),
        Set.of(),
        t.clusterIps(),
        t.externalNames(),
        t.cpuByNode(),
        t.zoneByNode(),
        t.step(),
        t.timeline(),
        Map.of());
  }

  static Map<ServiceKey, ServiceSpec> routingOff(Map<ServiceKey, ServiceSpec> specs) {
    if (specs == null) {
      return null;
    }
    Map<ServiceKey, ServiceSpec> out = new TreeMap<>();
    specs.forEach(
        (k, s) -> out.put(k, new ServiceSpec(s.kind(), "", s.internalTrafficPolicy(), "")));
    return out;
  }
}
