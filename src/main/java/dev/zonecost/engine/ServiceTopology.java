package dev.zonecost.engine;

import java.util.Map;
import java.util.Set;

/**
 * What kube-state-metrics says of the Services over a window, keyed by {@code namespace/service}.
 *
 * @param endpoints per Service, its ready endpoints per zone averaged over the window (zone "" for
 *     endpoints without a zone), summed over its slices
 * @param coverage per Service and zone, the share of the window with a ready endpoint there (the
 *     largest of its slices': exact for a Service with one slice per address family)
 * @param hinted the Services whose endpoints carried zone hints in the window
 * @param clusterIps per Service, its ClusterIP ("None" when headless)
 * @param externalNames per Service with one, its external name (an ExternalName Service)
 * @param cpuByNode allocatable CPU cores per node (empty when not exported)
 * @param zoneByNode each node's zone ("" when it has none)
 * @param step the grid the averages were taken on
 * @param timeline the ready endpoints step by step ({@link EndpointTimeline#none} when not read)
 * @param meshes per Service whose clients' connections a mesh's proxies carried, the mesh ({@code
 *     istio})
 */
public record ServiceTopology(
    Map<String, Map<String, Double>> endpoints,
    Map<String, Map<String, Double>> coverage,
    Set<String> hinted,
    Map<String, String> clusterIps,
    Map<String, String> externalNames,
    Map<String, Double> cpuByNode,
    Map<String, String> zoneByNode,
    java.time.Duration step,
    EndpointTimeline timeline,
    Map<String, String> meshes) {

  /** Without a timeline (the window read as one whole) and no mesh seen. */
  public ServiceTopology(
      Map<String, Map<String, Double>> endpoints,
      Map<String, Map<String, Double>> coverage,
      Set<String> hinted,
      Map<String, String> clusterIps,
      Map<String, String> externalNames,
      Map<String, Double> cpuByNode,
      Map<String, String> zoneByNode,
      java.time.Duration step) {
    this(
        endpoints,
        coverage,
        hinted,
        clusterIps,
        externalNames,
        cpuByNode,
        zoneByNode,
        step,
        EndpointTimeline.none(java.time.Instant.EPOCH, java.time.Instant.EPOCH.plus(step)),
        Map.of());
  }
}
