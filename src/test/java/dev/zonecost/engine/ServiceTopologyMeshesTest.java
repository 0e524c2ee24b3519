package dev.zonecost.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zonecost.prometheus.Series;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which mesh's client proxies carried a Service's connections, from the meshes' series. */
class ServiceTopologyMeshesTest {
  private static Series series(String... labels) {
    Map<String, String> l = new java.util.LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      l.put(labels[i], labels[i + 1]);
    }
    return new Series(l, List.of());
  }

  @Test
  void linkerds_series_name_the_service_by_dst_namespace_and_dst_service() {
    Series api = series("cluster", "c", "dst_namespace", "shop", "dst_service", "api");
    Series db = series("cluster", "c", "dst_namespace", "data", "dst_service", "db");
    assertEquals(
        Map.of("shop/api", "linkerd", "data/db", "linkerd"),
        ServiceTopologyReader.meshes(List.of(), List.of(api, db)));
  }

  @Test
  void a_linkerd_series_without_a_service_names_none() {
    Series noService = series("cluster", "c", "dst_namespace", "shop");
    Series noNamespace = series("cluster", "c", "dst_service", "api");
    assertEquals(
        Map.of(), ServiceTopologyReader.meshes(List.of(), List.of(noService, noNamespace)));
  }

  @Test
  void istios_series_name_the_service_by_its_destination_service_fqdn() {
    Series api = series("destination_service", "api.shop.svc.cluster.local");
    Series bad = series("destination_service", "api");
    assertEquals(
        Map.of("shop/api", "istio"), ServiceTopologyReader.meshes(List.of(api, bad), List.of()));
  }

  @Test
  void each_mesh_keeps_its_own_services_and_a_service_both_carried_is_istios() {
    Series istio = series("destination_service", "api.shop.svc.cluster.local");
    Series linkerdApi = series("dst_namespace", "shop", "dst_service", "api");
    Series linkerdDb = series("dst_namespace", "data", "dst_service", "db");
    assertEquals(
        Map.of("shop/api", "istio", "data/db", "linkerd"),
        ServiceTopologyReader.meshes(List.of(istio), List.of(linkerdApi, linkerdDb)));
  }
}
