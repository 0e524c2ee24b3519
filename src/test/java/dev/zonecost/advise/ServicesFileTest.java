package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesFileTest {
  static final String LIST =
      """
      {"apiVersion": "v1", "kind": "List", "items": [
        {"metadata": {"namespace": "shop", "name": "api"},
         "spec": {"type": "ClusterIP", "clusterIP": "10.0.0.1", "internalTrafficPolicy": "Cluster"}},
        {"metadata": {"namespace": "shop", "name": "db"},
         "spec": {"type": "ClusterIP", "clusterIP": "None"}},
        {"metadata": {"namespace": "shop", "name": "ext"},
         "spec": {"type": "ExternalName", "externalName": "example.org"}},
        {"metadata": {"namespace": "shop", "name": "local"},
         "spec": {"clusterIP": "10.0.0.2", "internalTrafficPolicy": "Local"}},
        {"metadata": {"namespace": "shop", "name": "close"},
         "spec": {"clusterIP": "10.0.0.3", "trafficDistribution": "PreferClose"}},
        {"metadata": {"namespace": "shop", "name": "auto",
                      "annotations": {"service.kubernetes.io/topology-mode": "Auto"}},
         "spec": {"clusterIP": "10.0.0.4"}}
      ]}
      """;

  @Test
  void reads_what_kube_state_metrics_cannot_show() {
    Map<ServiceKey, ServiceSpec> s = ServicesFile.parse(new StringReader(LIST), "svc.json");
    assertEquals(ServiceKind.CLUSTER_IP, s.get(new ServiceKey("shop", "api")).kind());
    assertTrue(
        !s.get(new ServiceKey("shop", "api")).routingOn()
            && !s.get(new ServiceKey("shop", "api")).localOnly());
    assertEquals(ServiceKind.HEADLESS, s.get(new ServiceKey("shop", "db")).kind());
    assertEquals(ServiceKind.EXTERNAL_NAME, s.get(new ServiceKey("shop", "ext")).kind());
    assertTrue(s.get(new ServiceKey("shop", "local")).localOnly());
    assertTrue(s.get(new ServiceKey("shop", "close")).routingOn());
    assertTrue(s.get(new ServiceKey("shop", "auto")).routingOn());
  }

  @Test
  void refuses_a_service_listed_twice() {
    String twice =
        """
        {"items": [
          {"metadata": {"namespace": "shop", "name": "api"}, "spec": {"clusterIP": "10.0.0.1"}},
          {"metadata": {"namespace": "shop", "name": "api"}, "spec": {"clusterIP": "None"}}
        ]}
        """;
    UsageException e =
        assertThrows(
            UsageException.class, () -> ServicesFile.parse(new StringReader(twice), "svc.json"));
    assertEquals(
        "--services-file svc.json: Service shop/api is listed twice; keep one item per Service",
        e.getMessage());
  }

  @Test
  void refuses_what_is_not_a_service_list_in_one_line() {
    UsageException notJson =
        assertThrows(
            UsageException.class, () -> ServicesFile.parse(new StringReader("{oops"), "x.json"));
    assertTrue(notJson.getMessage().startsWith("--services-file x.json: not JSON"));
    UsageException noItems =
        assertThrows(
            UsageException.class,
            () -> ServicesFile.parse(new StringReader("{\"kind\": \"Service\"}"), "x.json"));
    assertTrue(noItems.getMessage().contains("kubectl get svc -A -o json"));
  }
}
