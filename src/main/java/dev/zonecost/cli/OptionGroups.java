package dev.zonecost.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which heading of the help each shared option is listed under, and in which order. */
final class OptionGroups {
  /** Headings of the shared options, in the order shown; options in the order listed. */
  static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    // Where the data is and which window first: what every first run needs (issue 32).
    GROUPS.put(
        "Prometheus",
        List.of("--prometheus-url", "--prometheus-service", "--kubeconfig", "--context"));
    GROUPS.put("Window", List.of("--since", "--start", "--end", "--look-behind"));
    GROUPS.put(
        "Thresholds",
        List.of(
            "--max-cross-zone-ratio",
            "--max-cross-zone-bytes",
            "--max-cross-zone-cost",
            "--max-avoidable-cost",
            "--cost-basis",
            "--max-unknown-ratio",
            "--per-pair",
            "--min-coverage",
            "--baseline",
            "--max-increase",
            "--allow-empty",
            "--allow-clipped-window"));
    GROUPS.put(
        "Service routing (advise)",
        List.of("--kubernetes-version", "--datapath", "--services-file"));
    GROUPS.put("Over time", List.of("--every", "--compare-to", "--use-recording-rules"));
    GROUPS.put(
        "Selection",
        List.of(
            "--namespace",
            "--from-namespace",
            "--to-namespace",
            "--from-workload",
            "--to-workload",
            "--exclude-from-namespace",
            "--exclude-to-namespace",
            "--exclude-from-workload",
            "--exclude-to-workload",
            "--cluster"));
    GROUPS.put(
        "Output",
        List.of(
            "--output",
            "--output-file",
            "--sort-by",
            "--top",
            "--no-headers",
            "--no-color",
            "--csv-layout",
            "--quiet"));
    GROUPS.put(
        "Accounting",
        List.of(
            "--source",
            "--group-by",
            "--dedupe",
            "--data-aggregation-level",
            "--by-cluster",
            "--metric",
            "--zone-label",
            "--cluster-label",
            "--range-semantics",
            "--scrape-interval",
            "--max-points"));
    GROUPS.put("Pricing", List.of("--cloud", "--region", "--pricing", "--price-per-gb"));
    GROUPS.put(
        "Connection and auth",
        List.of(
            "--timeout",
            "--retries",
            "--parallelism",
            "--allow-partial",
            "--max-response-bytes",
            "--bearer-token-file",
            "--basic-auth-user",
            "--basic-auth-password-file",
            "--header",
            "--tenant",
            "--ca-file",
            "--client-cert",
            "--client-key",
            "--insecure-skip-tls-verify",
            "--sigv4",
            "--aws-region",
            "--aws-service"));
  }

  static final List<String> GENERAL = List.of("--config", "--verbose", "--help", "--version");

  private OptionGroups() {}

  /** The heading of an option: General, its group when a mixin declares it, else Options. */
  static String heading(String name, Set<String> shared) {
    if (GENERAL.contains(name)) {
      return "General";
    }
    if (shared.contains(name)) {
      for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
        if (g.getValue().contains(name)) {
          return g.getKey();
        }
      }
    }
    return "Options";
  }
}
