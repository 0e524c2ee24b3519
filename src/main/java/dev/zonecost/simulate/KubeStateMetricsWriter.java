package dev.zonecost.simulate;

import static dev.zonecost.simulate.SimulatedCluster.KSM_JOB;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_ENDPOINTSLICE_ENDPOINTS;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_ENDPOINTSLICE_HINTS;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_ENDPOINTSLICE_LABELS;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_JOB_OWNER;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_NODE_ALLOCATABLE;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_NODE_LABELS;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_POD_INFO;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_REPLICASET_CREATED;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_REPLICASET_OWNER;
import static dev.zonecost.simulate.SimulatedCluster.KUBE_SERVICE_INFO;
import static dev.zonecost.simulate.SimulatedCluster.NODE_CPU_CORES;
import static dev.zonecost.simulate.SimulatedCluster.ZONE_LABEL;

import dev.zonecost.simulate.ClusterModel.Job;
import dev.zonecost.simulate.ClusterModel.Node;
import dev.zonecost.simulate.ClusterModel.Pod;
import dev.zonecost.simulate.ClusterModel.ReplicaSet;
import dev.zonecost.simulate.ClusterModel.Series;
import dev.zonecost.simulate.ClusterModel.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's objects as kube-state-metrics exports them, once per replica ({@code instance}):
 * nodes and their zone labels, allocatable CPU (the small scenarios), pods, ReplicaSets and their
 * Deployments, Services, EndpointSlices, under PreferSameZone the endpoints' zone hints, and the
 * CronJobs' Jobs. Every series is constant over the object's life ({@code 1}, or the ReplicaSet's
 * creation time).
 */
final class KubeStateMetricsWriter {
  private final SimulatedCluster c;

  private KubeStateMetricsWriter(SimulatedCluster c) {
    this.c = c;
  }

  /** The cluster's kube-state-metrics series, in the order they are written. */
  static List<Series> series(SimulatedCluster c) {
    return new KubeStateMetricsWriter(c).series();
  }

  private List<Series> series() {
    List<Series> out = new ArrayList<>();
    for (String instance : c.ksmInstances()) {
      for (Node n : c.nodes()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("node", n.name());
        if (n.zone() != null) {
          l.put(ZONE_LABEL, n.zone());
        }
        l.put("label_kubernetes_io_os", "linux");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_NODE_LABELS, l, n.from(), c.steps(), null));
      }
    }
    if (!c.scenario().equals(SimulationSpec.LARGE)) {
      nodeCpu(out);
    }
    for (String instance : c.ksmInstances()) {
      for (Pod p : c.pods()) {
        out.add(podInfo(p, instance, false));
      }
      for (Pod p : c.hostNetworkPods()) {
        out.add(podInfo(p, instance, true));
      }
    }
    for (String instance : c.ksmInstances()) {
      for (ReplicaSet rs : c.replicaSets()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", rs.namespace());
        l.put("replicaset", rs.name());
        l.put("owner_kind", "Deployment");
        l.put("owner_name", rs.deployment());
        l.put("owner_is_controller", "true");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_REPLICASET_OWNER, l, rs.from(), rs.to(), null));
      }
    }
    for (String instance : c.ksmInstances()) {
      for (ReplicaSet rs : c.replicaSets()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", rs.namespace());
        l.put("replicaset", rs.name());
        ksmTarget(l, instance);
        long created = c.created(rs).getEpochSecond();
        int n = rs.to() - rs.from() + 1;
        out.add(
            new Series(
                KUBE_REPLICASET_CREATED,
                l,
                rs.from(),
                rs.to(),
                () -> {
                  long[] v = new long[n];
                  Arrays.fill(v, created);
                  return v;
                }));
      }
    }
    serviceInfo(out);
    hints(out);
    jobOwners(out);
    nodeInfo(out);
    return out;
  }

  /**
   * A pod's {@code kube_pod_info} (internal/store/pod.go: host_ip, pod_ip, node, created_by_*,
   * priority_class, host_network); a host-network pod's {@code pod_ip} is its node's.
   */
  private Series podInfo(Pod p, String instance, boolean hostNetwork) {
    Map<String, String> l = new LinkedHashMap<>();
    l.put("namespace", p.namespace());
    l.put("pod", p.name());
    l.put("uid", p.uid());
    l.put("host_ip", p.node().ip());
    l.put("pod_ip", p.ip());
    l.put("node", p.node().name());
    l.put("created_by_kind", p.ownerKind());
    l.put("created_by_name", p.ownerName());
    l.put("priority_class", hostNetwork ? "system-node-critical" : "");
    l.put("host_network", Boolean.toString(hostNetwork));
    ksmTarget(l, instance);
    return new Series(KUBE_POD_INFO, l, p.from(), p.to(), null);
  }

  /** Each CronJob run's Job and its CronJob ({@code kube_job_owner}, internal/store/job.go). */
  private void jobOwners(List<Series> out) {
    for (String instance : c.ksmInstances()) {
      for (Job j : c.jobs()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", j.namespace());
        l.put("job_name", j.name());
        l.put("owner_kind", "CronJob");
        l.put("owner_name", j.cronJob());
        l.put("owner_is_controller", "true");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_JOB_OWNER, l, j.from(), j.to(), null));
      }
    }
  }

  /** kube-state-metrics' node info: the instance behind each node (for {@code reconcile}). */
  private void nodeInfo(List<Series> out) {
    for (String instance : c.ksmInstances()) {
      for (Node n : c.nodes()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("node", n.name());
        l.put("provider_id", Instances.providerId(n));
        l.put("internal_ip", n.ip());
        ksmTarget(l, instance);
        out.add(new Series(Instances.KUBE_NODE_INFO, l, n.from(), c.steps(), null));
      }
    }
  }

  /** kube-state-metrics' allocatable CPU per node (what topology-mode Auto weighs zones by). */
  private void nodeCpu(List<Series> out) {
    for (String instance : c.ksmInstances()) {
      for (Node n : c.nodes()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("node", n.name());
        l.put("resource", "cpu");
        l.put("unit", "core");
        ksmTarget(l, instance);
        int length = c.steps() - n.from() + 1;
        out.add(
            new Series(
                KUBE_NODE_ALLOCATABLE,
                l,
                n.from(),
                c.steps(),
                () -> {
                  long[] v = new long[length];
                  Arrays.fill(v, NODE_CPU_CORES);
                  return v;
                }));
      }
    }
  }

  /**
   * Under PreferSameZone (from the step a Service's field is set, {@code
   * SimulatedCluster.routedFrom}), the zone hint the EndpointSlice controller puts on every ready
   * endpoint with a zone ({@code staging/src/k8s.io/endpointslice/trafficdist/trafficdist.go}), as
   * kube-state-metrics exports it (its {@code internal/store/endpointslice.go}).
   */
  private void hints(List<Series> out) {
    for (String instance : c.ksmInstances()) {
      for (Service s : c.services()) {
        int on = c.routedFrom(s);
        for (Pod p : s.backends()) {
          if (p.node().zone() == null || Math.max(on, p.from()) > p.to()) {
            continue;
          }
          Map<String, String> l = new LinkedHashMap<>();
          l.put("endpointslice", s.slice());
          l.put("namespace", s.namespace());
          l.put("address", p.ip());
          l.put("for_zone", p.node().zone());
          ksmTarget(l, instance);
          out.add(new Series(KUBE_ENDPOINTSLICE_HINTS, l, Math.max(on, p.from()), p.to(), null));
        }
      }
    }
  }

  /** kube-state-metrics' Services, their EndpointSlices and the slices' Service names. */
  private void serviceInfo(List<Series> out) {
    for (String instance : c.ksmInstances()) {
      for (Service s : c.services()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("namespace", s.namespace());
        l.put("service", s.name());
        l.put("uid", s.uid());
        l.put("cluster_ip", s.clusterIp());
        l.put("external_name", "");
        l.put("load_balancer_ip", "");
        l.put("external_traffic_policy", "Cluster");
        ksmTarget(l, instance);
        out.add(new Series(KUBE_SERVICE_INFO, l, 0, c.steps(), null));
      }
    }
    for (String instance : c.ksmInstances()) {
      for (Service s : c.services()) {
        for (Pod p : s.backends()) {
          Map<String, String> l = new LinkedHashMap<>();
          l.put("endpointslice", s.slice());
          l.put("namespace", s.namespace());
          l.put("ready", "true");
          l.put("serving", "true");
          l.put("terminating", "false");
          l.put("hostname", "");
          l.put("targetref_kind", "Pod");
          l.put("targetref_name", p.name());
          l.put("targetref_namespace", p.namespace());
          l.put("endpoint_nodename", p.node().name());
          if (p.node().zone() != null) {
            l.put("endpoint_zone", p.node().zone());
          }
          l.put("address", p.ip());
          ksmTarget(l, instance);
          out.add(new Series(KUBE_ENDPOINTSLICE_ENDPOINTS, l, p.from(), p.to(), null));
        }
      }
    }
    for (String instance : c.ksmInstances()) {
      for (Service s : c.services()) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("endpointslice", s.slice());
        l.put("namespace", s.namespace());
        l.put("label_kubernetes_io_service_name", s.name());
        ksmTarget(l, instance);
        out.add(new Series(KUBE_ENDPOINTSLICE_LABELS, l, 0, c.steps(), null));
      }
    }
  }

  /** The namespace kube-state-metrics runs in: the scrape target's namespace label. */
  static final String KSM_NAMESPACE = "monitoring";

  /**
   * The labels the scrape adds. With honor_labels (kube-prometheus-stack) the target's labels fill
   * in only where kube-state-metrics sends none: {@code instance} and {@code job} here. Without it
   * (the standalone chart's default) the operator's ServiceMonitor job also sets {@code namespace},
   * {@code pod}, {@code service}, {@code container} and {@code endpoint} from the target, and
   * Prometheus keeps the series' own clashing labels as {@code exported_<name>} (REAL-FORMATS §3).
   */
  private void ksmTarget(Map<String, String> l, String instance) {
    if (c.ksmExportedLabels()) {
      Map<String, String> own = new LinkedHashMap<>(l);
      l.clear();
      own.forEach(
          (k, v) ->
              l.put(
                  List.of("namespace", "pod", "service", "container", "endpoint").contains(k)
                      ? "exported_" + k
                      : k,
                  v));
      l.put("namespace", KSM_NAMESPACE);
      l.put("pod", "kube-state-metrics-" + instance);
      l.put("service", "kube-state-metrics");
      l.put("container", "kube-state-metrics");
      l.put("endpoint", "http");
    }
    l.put("instance", instance);
    l.put("job", KSM_JOB);
  }
}
