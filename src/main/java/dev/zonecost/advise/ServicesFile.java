package dev.zonecost.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zonecost.common.IoText;
import dev.zonecost.common.TerminalText;
import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code kubectl get svc -A -o json} (a v1 List of Services): what kube-state-metrics cannot
 * show — {@code spec.trafficDistribution}, {@code spec.internalTrafficPolicy}, the topology
 * annotations — keyed by {@code namespace/name}.
 */
public final class ServicesFile {
  public static final String TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
  public static final String TOPOLOGY_AWARE_HINTS = "service.kubernetes.io/topology-aware-hints";

  private ServicesFile() {}

  /**
   * @param name the file's name, for the message
   * @throws UsageException when the text is not such a list
   */
  public static Map<ServiceKey, ServiceSpec> parse(Reader in, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UsageException(
          "--services-file " + name + ": not JSON (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new UsageException("--services-file " + name + ": " + IoText.reason(e), e);
    }
    JsonNode items = root == null ? null : root.get("items");
    if (items == null || !items.isArray()) {
      throw new UsageException(
          "--services-file "
              + name
              + ": no \"items\" list; expected the output of kubectl get svc -A -o json");
    }
    Map<ServiceKey, ServiceSpec> specs = new TreeMap<>();
    for (JsonNode item : items) {
      JsonNode meta = item.path("metadata");
      JsonNode spec = item.path("spec");
      String ns = meta.path("namespace").asText("");
      String svc = meta.path("name").asText("");
      if (ns.isEmpty() || svc.isEmpty()) {
        throw new UsageException(
            "--services-file " + name + ": an item without metadata.namespace and metadata.name");
      }
      ServiceKind kind =
          spec.path("type").asText("").equals("ExternalName")
              ? ServiceKind.EXTERNAL_NAME
              : spec.path("clusterIP").asText("").equals("None")
                  ? ServiceKind.HEADLESS
                  : ServiceKind.CLUSTER_IP;
      JsonNode annotations = meta.path("annotations");
      String mode = annotations.path(TOPOLOGY_MODE).asText("");
      if (mode.isEmpty()) {
        mode = annotations.path(TOPOLOGY_AWARE_HINTS).asText("");
      }
      ServiceKey key = new ServiceKey(ns, svc);
      ServiceSpec parsed =
          new ServiceSpec(
              kind,
              spec.path("trafficDistribution").asText(""),
              spec.path("internalTrafficPolicy").asText(""),
              mode);
      // Two items for one Service: the last would win silently, whichever is current.
      if (specs.put(key, parsed) != null) {
        throw new UsageException(
            "--services-file "
                + name
                + ": Service "
                + TerminalText.escape(key.toString())
                + " is listed twice; keep one item per Service");
      }
    }
    return specs;
  }
}
