package dev.zonecost.simulate;

import dev.zonecost.accounting.WorkloadRef;
import dev.zonecost.accounting.Zones;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The objects a {@link SimulatedCluster} is made of — nodes, pods, ReplicaSets, Services, the
 * connections between pods — and the series its writers make of them. Grid steps ({@code from},
 * {@code to}) count scrape intervals from the cluster's first scrape.
 */
final class ClusterModel {
  private ClusterModel() {}

  /** The owner kind of an end that is a node ({@link Pod#host()}). */
  static final String HOST_KIND = "Node";

  /**
   * A node; {@code zone} is null when the node has no zone label. It (and its Retina agent) exists
   * from step {@code from}: a node added to the cluster later has a later one.
   */
  record Node(String name, String ip, String zone, int from) {
    String zoneOrUnknown() {
      return zone == null ? Zones.UNKNOWN : zone;
    }

    /** The agent's {@code instance}: the node's name, as Retina's chart relabels it. */
    String agent() {
      return name;
    }
  }

  /**
   * A pod incarnation living over grid steps [from, to], or an external endpoint ({@code node ==
   * null}). {@code ownerKind}/{@code ownerName} are its first owner (kube_pod_info's created_by_*,
   * Retina's *_workload_*); {@code workload} is what a report rolls it up to.
   */
  record Pod(
      String namespace,
      String name,
      String uid,
      String ip,
      Node node,
      String ownerKind,
      String ownerName,
      WorkloadRef workload,
      int from,
      int to) {

    boolean external() {
      return node == null;
    }

    /**
     * Whether this end is a node itself (its IP is the node's): the kubelet, a host-network pod, a
     * node forwarding NodePort traffic. Retina names it by its IP alone.
     */
    boolean host() {
      return node != null && HOST_KIND.equals(ownerKind);
    }

    String zone() {
      return external() ? Zones.UNKNOWN : node.zoneOrUnknown();
    }
  }

  record ReplicaSet(String namespace, String name, String deployment, int from, int to) {}

  /** A CronJob's run: the Job {@code name} (kube_job_owner names its CronJob), over [from, to]. */
  record Job(String namespace, String name, String cronJob, int from, int to) {}

  /**
   * A ClusterIP Service: clients address {@code clusterIp}; kube-proxy picks a backend after
   * Retina's hook on the client's veth (DESIGN §3, "What a real cluster emits"). Its EndpointSlice
   * lists the {@code backends} while they live.
   */
  record Service(String namespace, String name, String uid, String clusterIp, List<Pod> backends) {
    String slice() {
      return name + "-" + uid.substring(0, 5);
    }
  }

  /**
   * A connection opened by {@code opener} to {@code peer}, active over steps [from, from + n - 1];
   * {@code request[i]} bytes go opener→peer and {@code reply[i]} peer→opener in the interval ending
   * at step {@code from + i} (for i = 0: since the connection began). The bytes are produced on
   * demand ({@link FlowBytes}) so a large cluster never holds all of them at once.
   *
   * <p>A flow may go idle over steps [gapFrom, gapTo] (no bytes): Retina's TTL then expires its
   * series, which have no samples there, and re-creates them from zero when bytes flow again. No
   * gap when {@code gapFrom < 0}.
   */
  record Flow(
      Pod opener, Pod peer, int from, FlowBytes bytes, int gapFrom, int gapTo, Service via) {
    int to() {
      return from + bytes.length() - 1;
    }

    long[] request() {
      return idle(bytes.request());
    }

    long[] reply() {
      return idle(bytes.reply());
    }

    boolean inGap(int step) {
      return gapFrom >= 0 && step >= gapFrom && step <= gapTo;
    }

    private long[] idle(long[] b) {
      for (int k = Math.max(from, gapFrom); gapFrom >= 0 && k <= gapTo; k++) {
        b[k - from] = 0;
      }
      return b;
    }

    boolean sameNode() {
      return !peer.external() && opener.node().equals(peer.node());
    }

    /** Whether one end is a node itself ({@link Pod#host()}). */
    boolean withHost() {
      return opener.host() || peer.host();
    }

    /** The end of a flow with a node that is a pod: the end whose node sees every byte. */
    Pod podEnd() {
      return opener.host() ? peer : opener;
    }

    /** Whether the peer's node reports the pod pair as INGRESS (pod-IP across nodes, Services). */
    boolean hasIngress() {
      return !peer.external() && (via != null || !sameNode());
    }
  }

  /**
   * One series over steps [from, to]: constant 1 when {@code values} is null, else the values it
   * computes on demand (one per step), so that writing a series holds only that series' samples.
   */
  record Series(
      String family,
      Map<String, String> labels,
      int from,
      int to,
      Supplier<long[]> values,
      Flow flow,
      Node agent) {
    Series(String family, Map<String, String> labels, int from, int to, Supplier<long[]> values) {
      this(family, labels, from, to, values, null, null);
    }

    /** The series' values, one per step from {@code from}; computed afresh on each call. */
    long[] valuesOrNull() {
      return values == null ? null : values.get();
    }
  }
}
