package dev.zonecost.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help every command shares: a short synopsis, the options under headings (as kubectl and gh
 * do), everyday ones first, the exit codes from {@link ExitCodes}, the examples last.
 */
final class HelpLayout {
  /** Headings of the shared options, in the order shown; options in the order listed. */
  private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(
        "Thresholds",
        List.of(
            "--max-cross-zone-ratio",
            "--max-cross-zone-bytes",
            "--max-cross-zone-cost",
            "--cost-basis",
            "--max-unknown-ratio",
            "--per-pair",
            "--min-coverage",
            "--baseline",
            "--max-increase"));
    GROUPS.put("Window", List.of("--since", "--start", "--end"));
    GROUPS.put(
        "Selection",
        List.of(
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
            "--prometheus-url",
            "--timeout",
            "--retries",
            "--parallelism",
            "--allow-partial",
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

  private static final List<String> GENERAL =
      List.of("--config", "--verbose", "--help", "--version");

  private HelpLayout() {}

  /** Applies the layout to {@code cl} and every command below it. */
  static void install(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    UsageMessageSpec usage = spec.usageMessage();
    usage.customSynopsis(
        spec.qualifiedName() + " [OPTIONS]" + (spec.subcommands().isEmpty() ? "" : " COMMAND"));
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    keys.remove(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
    cl.setHelpSectionKeys(keys);
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
    Map<String, String> exitCodes = ExitCodes.help(spec.name());
    if (!exitCodes.isEmpty()) {
      usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    } else if (spec.parent() == null) {
      List<String> footer = new ArrayList<>(List.of(usage.footer()));
      footer.addAll(List.of("", ExitCodes.summary()));
      usage.footer(footer.toArray(String[]::new));
    }
    if (usage.footer().length > 0 && usage.footerHeading().isEmpty()) {
      usage.footerHeading("%nExamples:%n");
    }
    cl.getSubcommands().values().stream().distinct().forEach(HelpLayout::install);
  }

  /** The command's own options first, then the shared ones under their headings, then general. */
  private static String options(Help help) {
    CommandSpec spec = help.commandSpec();
    Set<String> shared = new HashSet<>();
    spec.mixins().values().forEach(m -> m.options().forEach(o -> shared.add(o.longestName())));
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    sections.put("Options", new ArrayList<>());
    GROUPS.keySet().forEach(g -> sections.put(g, new ArrayList<>()));
    sections.put("General", new ArrayList<>());
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        sections.get(heading(o.longestName(), shared)).add(o);
      }
    }
    StringBuilder sb = new StringBuilder();
    sections.forEach(
        (heading, options) -> {
          if (options.isEmpty()) {
            return;
          }
          List<String> order = GROUPS.getOrDefault(heading, GENERAL);
          if (!heading.equals("Options")) {
            options.sort((a, b) -> order.indexOf(a.longestName()) - order.indexOf(b.longestName()));
          }
          Help.Layout layout = help.createDefaultLayout();
          options.forEach(o -> layout.addOption(o, help.parameterLabelRenderer()));
          sb.append(String.format("%n%s:%n", heading)).append(layout);
        });
    return sb.toString();
  }

  private static String heading(String name, Set<String> shared) {
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
