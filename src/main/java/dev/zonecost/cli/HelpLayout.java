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
  private HelpLayout() {}

  /** Applies the layout to {@code cl} and every command below it. */
  static void install(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    UsageMessageSpec usage = spec.usageMessage();
    usage.customSynopsis(
        spec.qualifiedName() + " [OPTIONS]" + (spec.subcommands().isEmpty() ? "" : " COMMAND"));
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    keys.remove(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
    // The examples right after the description, before the long list of options (issue 32).
    keys.remove(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
    keys.remove(UsageMessageSpec.SECTION_KEY_FOOTER);
    int at = keys.indexOf(UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1;
    keys.add(at, UsageMessageSpec.SECTION_KEY_FOOTER);
    keys.add(at, UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
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
    String root = spec.root().name();
    if (!root.equals("zonecost")) {
      usage.footer(
          java.util.Arrays.stream(usage.footer())
              .map(line -> line.replaceAll("^(\\s*)(?:\\$ )?zonecost ", "$1" + root + " "))
              .toArray(String[]::new));
      usage.description(
          java.util.Arrays.stream(usage.description())
              .map(line -> line.replace("<(zonecost completion)", "<(" + root + " completion)"))
              .toArray(String[]::new));
    }
    if (usage.footer().length > 0 && usage.footerHeading().isEmpty()) {
      usage.footerHeading("%nExamples:%n");
    }
    cl.getSubcommands().values().stream().distinct().forEach(HelpLayout::install);
  }

  /**
   * Where the data is and the window first (common to most commands), then the command's own
   * options, then the other shared ones under their headings, then general.
   */
  private static String options(Help help) {
    CommandSpec spec = help.commandSpec();
    Set<String> shared = new HashSet<>();
    spec.mixins().values().forEach(m -> m.options().forEach(o -> shared.add(o.longestName())));
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    sections.put("Prometheus", new ArrayList<>());
    sections.put("Window", new ArrayList<>());
    sections.put("Options", new ArrayList<>());
    OptionGroups.GROUPS.keySet().forEach(g -> sections.putIfAbsent(g, new ArrayList<>()));
    sections.put("General", new ArrayList<>());
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        sections.get(OptionGroups.heading(o.longestName(), shared)).add(o);
      }
    }
    StringBuilder sb = new StringBuilder();
    sections.forEach(
        (heading, options) -> {
          if (options.isEmpty()) {
            return;
          }
          List<String> order = OptionGroups.GROUPS.getOrDefault(heading, OptionGroups.GENERAL);
          if (!heading.equals("Options")) {
            options.sort((a, b) -> order.indexOf(a.longestName()) - order.indexOf(b.longestName()));
          }
          Help.Layout layout = help.createDefaultLayout();
          options.forEach(o -> layout.addOption(o, help.parameterLabelRenderer()));
          sb.append(String.format("%n%s:%n", heading)).append(layout);
        });
    return sb.toString();
  }
}
