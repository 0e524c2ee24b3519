package dev.zonecost.simulate;

import dev.zonecost.simulate.ClusterModel.Flow;
import dev.zonecost.simulate.ClusterModel.Pod;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubelet's cAdvisor view of a simulated cluster: {@code container_network_transmit_bytes_total}
 * and {@code container_network_receive_bytes_total} per pod on its {@code eth0} (labels as cAdvisor
 * v0.49 / kubelet {@code /metrics/cadvisor} give them: namespace, pod, interface, container, id,
 * image, name). The kernel counts every byte once per pod interface, including what Retina does not
 * count (IPv6, ICMP and other non-TCP/UDP traffic): {@link #KERNEL_ONLY_PERCENT} more than the TCP
 * and UDP bytes of the pod's flows. The calibration compares Retina's counts with these.
 */
public final class CadvisorSeries {
  public static final String TRANSMIT = "container_network_transmit_bytes_total";
  public static final String RECEIVE = "container_network_receive_bytes_total";

  /** Bytes the kernel counts on top of the pod's TCP/UDP over IPv4 (which Retina sees), in %. */
  public static final long KERNEL_ONLY_PERCENT = 3;

  private CadvisorSeries() {}

  /** The two families as OpenMetrics text (no {@code # EOF}), to write before the cluster's EOF. */
  public static String openMetrics(SimulatedCluster c) {
    return openMetrics(c, SampleSlice.ALL);
  }

  /** The same, only the samples inside {@code slice}. */
  public static String openMetrics(SimulatedCluster c, SampleSlice slice) {
    StringBuilder sb = new StringBuilder();
    for (String family : List.of(TRANSMIT, RECEIVE)) {
      sb.append("# TYPE ").append(family).append(" gauge\n");
      for (Pod p : c.pods()) {
        if (p.external()) {
          continue;
        }
        long[] perStep = bytes(c, p, family.equals(TRANSMIT));
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", p.namespace());
        l.put("pod", p.name());
        l.put("interface", "eth0");
        l.put("container", "");
        l.put("id", "/kubepods/besteffort/pod" + p.uid());
        l.put("image", "registry.k8s.io/pause:3.10");
        l.put("name", p.uid());
        l.put("node", p.node().name());
        l.put("job", "kubelet");
        l.put("metrics_path", "/metrics/cadvisor");
        long[] counter = new long[perStep.length];
        long sum = 0;
        for (int i = 0; i < perStep.length; i++) {
          sum += perStep[i];
          counter[i] = sum;
        }
        append(sb, c, new ClusterModel.Series(family, l, p.from(), p.to(), () -> counter), slice);
      }
      for (ClusterModel.Series root : NicSeries.cadvisorRoot(c, family.equals(TRANSMIT))) {
        append(sb, c, root, slice);
      }
    }
    return sb.toString();
  }

  /** One series' samples (its values are the counter's) inside {@code slice}. */
  private static void append(
      StringBuilder sb, SimulatedCluster c, ClusterModel.Series s, SampleSlice slice) {
    BitSet present = c.presentSteps(s);
    StringBuilder prefix = new StringBuilder(s.family()).append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : s.labels().entrySet()) {
      prefix.append(first ? "" : ",").append(e.getKey()).append("=\"");
      OpenMetricsWriter.escapeLabelValue(prefix, e.getValue());
      prefix.append('"');
      first = false;
    }
    prefix.append("} ");
    long[] values = s.values().get();
    long t0 = c.dataStart().getEpochSecond();
    long dt = c.scrapeInterval().getSeconds();
    int firstStep = slice.firstStep(t0, dt);
    int end = slice.endStep(t0, dt);
    for (int k = s.from(); k <= s.to(); k++) {
      if (present.get(k) && k >= firstStep && k < end) {
        sb.append(prefix).append(values[k - s.from()]).append(' ').append(t0 + k * dt).append('\n');
      }
    }
  }

  /** The cluster's OpenMetrics text with the cAdvisor families added before {@code # EOF}. */
  public static String withCadvisor(SimulatedCluster c, String clusterText) {
    return withCadvisor(c, clusterText, SampleSlice.ALL);
  }

  /** The same for one part: only the cAdvisor samples inside {@code slice} are added. */
  public static String withCadvisor(SimulatedCluster c, String clusterText, SampleSlice slice) {
    return clusterText.replace("# EOF\n", openMetrics(c, slice) + "# EOF\n");
  }

  /** Bytes the pod sent (or received) in the interval ending at each step of its life. */
  private static long[] bytes(SimulatedCluster c, Pod p, boolean transmit) {
    long[] out = new long[p.to() - p.from() + 1];
    for (Flow f : c.flows()) {
      long[] b = null;
      if (f.opener().equals(p)) {
        b = transmit ? f.request() : f.reply();
      } else if (f.peer().equals(p)) {
        b = transmit ? f.reply() : f.request();
      }
      if (b == null) {
        continue;
      }
      for (int i = 0; i < b.length; i++) {
        int k = f.from() + i;
        if (k >= p.from() && k <= p.to()) {
          out[k - p.from()] += b[i];
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] += out[i] * KERNEL_ONLY_PERCENT / 100;
    }
    return out;
  }
}
