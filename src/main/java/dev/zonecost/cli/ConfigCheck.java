package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.config.ConfigFile;
import dev.zonecost.config.ConfigFile.Entry;
import dev.zonecost.config.OptionValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every key of the config file must be an option of a command and every value of the option's type,
 * or the run stops naming the file and the line. A top-level value that fits some commands but not
 * others ({@code output: wide} fits report, not check) stops only the others.
 */
final class ConfigCheck {
  private static final Set<String> NOT_CONFIGURABLE = Set.of("help", "version", "config");

  private ConfigCheck() {}

  /** Every key must be an option of a command and every value of the option's type. */
  static Map<String, UsageException> problems(ConfigFile file, CommandSpec root) {
    Map<String, UsageException> problems = new HashMap<>();
    for (Entry e : file.global().values()) {
      List<String> fits = new ArrayList<>();
      Map<String, UsageException> misfits = new LinkedHashMap<>();
      for (CommandLine sub : root.subcommands().values()) {
        OptionSpec o = option(sub.getCommandSpec(), e.key());
        if (o == null) {
          continue;
        }
        try {
          OptionValue.check(file, e, o.type());
          fits.add(sub.getCommandSpec().name());
        } catch (UsageException bad) {
          misfits.put(sub.getCommandSpec().name(), bad);
        }
      }
      if (fits.isEmpty() && misfits.isEmpty()) {
        throw problem(
            file, e, "unknown option '" + e.key() + "' (keys are long option names without --)");
      }
      if (fits.isEmpty()) {
        throw misfits.values().iterator().next();
      }
      misfits.forEach(
          (command, bad) ->
              problems.putIfAbsent(
                  command,
                  new UsageException(
                      bad.getMessage()
                          + " for '"
                          + command
                          + "' (a top-level key applies to every command with that option; put"
                          + " it under '"
                          + fits.get(0)
                          + ":')")));
    }
    file.commands().forEach((command, entries) -> section(file, root, command, entries));
    return problems;
  }

  private static void section(
      ConfigFile file, CommandSpec root, String command, Map<String, Entry> entries) {
    CommandLine sub = root.subcommands().get(command);
    if (sub == null) {
      Entry first = entries.values().stream().findFirst().orElse(null);
      throw new UsageException(
          file.path().getFileName()
              + (first == null ? "" : ":" + (first.line() - 1))
              + ": unknown command section '"
              + command
              + "'");
    }
    for (Entry e : entries.values()) {
      OptionSpec o = option(sub.getCommandSpec(), e.key());
      if (o == null) {
        throw problem(file, e, "'" + command + "' has no option '" + e.key() + "'");
      }
      OptionValue.check(file, e, o.type());
    }
  }

  private static OptionSpec option(CommandSpec spec, String key) {
    if (NOT_CONFIGURABLE.contains(key)) {
      return null;
    }
    OptionSpec o = spec.findOption("--" + key);
    return o != null && o.longestName().equals("--" + key) ? o : null;
  }

  private static UsageException problem(ConfigFile file, Entry e, String message) {
    return new UsageException(file.where(e) + ": " + message);
  }
}
