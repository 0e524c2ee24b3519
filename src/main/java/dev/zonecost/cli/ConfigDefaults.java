package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.config.ConfigFile;
import dev.zonecost.config.ConfigFile.Entry;
import dev.zonecost.time.TimeParsing;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the config file, with the precedence flag > environment > file > built-in
 * default: picocli asks this provider only for options not given as flags, and it steps aside when
 * the option's environment variable is set.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  /** Options that an environment variable sets when no flag does (and wins over the file). */
  static final Map<String, String> ENV = Map.of("prometheus-url", "PROMETHEUS_URL");

  private static final Set<String> DURATIONS =
      Set.of("since", "timeout", "scrape-interval", "look-behind");
  private static final Set<String> TIMES = Set.of("start", "end");
  private static final Set<String> NOT_CONFIGURABLE = Set.of("help", "version", "config");

  private final ConfigFile file;
  private final Map<String, String> env;

  ConfigDefaults(ConfigFile file, Map<String, String> env) {
    this.file = file;
    this.env = env;
  }

  ConfigFile file() {
    return file;
  }

  static String key(OptionSpec o) {
    return o.longestName().replaceFirst("^-+", "");
  }

  /** Where an option's value comes from when it is not a flag: env, file or empty (default). */
  Optional<String> source(String command, OptionSpec o) {
    String var = ENV.get(key(o));
    if (var != null && env.get(var) != null && !env.get(var).isEmpty()) {
      return Optional.of("env " + var);
    }
    return file.lookup(command, key(o)).map(e -> file.where(e));
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o) || arg.command() == null) {
      return null;
    }
    String var = ENV.get(key(o));
    if (var != null && env.get(var) != null && !env.get(var).isEmpty()) {
      return env.get(var);
    }
    return file.lookup(arg.command().name(), key(o)).map(Entry::value).orElse(null);
  }

  /** Every key must be an option of a command and every value of the option's type. */
  void validate(CommandSpec root) {
    for (Entry e : file.global().values()) {
      boolean known = false;
      for (CommandLine sub : root.subcommands().values()) {
        OptionSpec o = option(sub.getCommandSpec(), e.key());
        if (o != null) {
          known = true;
          check(o, e);
        }
      }
      if (!known) {
        throw problem(
            e, "unknown option '" + e.key() + "' (keys are long option names without --)");
      }
    }
    file.commands()
        .forEach(
            (command, entries) -> {
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
                  throw problem(e, "'" + command + "' has no option '" + e.key() + "'");
                }
                check(o, e);
              }
            });
  }

  private static OptionSpec option(CommandSpec spec, String key) {
    if (NOT_CONFIGURABLE.contains(key)) {
      return null;
    }
    OptionSpec o = spec.findOption("--" + key);
    return o != null && o.longestName().equals("--" + key) ? o : null;
  }

  private void check(OptionSpec o, Entry e) {
    Class<?> type = o.type();
    String v = e.value();
    try {
      if (type == int.class || type == Integer.class) {
        Integer.parseInt(v);
      } else if (type == long.class || type == Long.class) {
        Long.parseLong(v);
      } else if (type == BigDecimal.class) {
        new BigDecimal(v);
      } else if (type == double.class || type == Double.class) {
        Double.parseDouble(v);
      } else if (type == boolean.class || type == Boolean.class) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException();
        }
      } else if (type.isEnum()) {
        boolean found = false;
        for (Object c : type.getEnumConstants()) {
          found |= ((Enum<?>) c).name().equalsIgnoreCase(v.replace('-', '_'));
        }
        if (!found) {
          throw new IllegalArgumentException();
        }
      } else if (DURATIONS.contains(e.key())) {
        TimeParsing.duration(v);
      } else if (TIMES.contains(e.key())) {
        TimeParsing.instant(v);
      }
    } catch (RuntimeException bad) {
      throw problem(
          e,
          e.key()
              + ": '"
              + v
              + "' is not "
              + expected(type, e.key())
              + (bad instanceof UsageException u ? " (" + u.getMessage() + ")" : ""));
    }
  }

  private static String expected(Class<?> type, String key) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == BigDecimal.class || type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      StringBuilder sb = new StringBuilder("one of");
      for (Object c : type.getEnumConstants()) {
        sb.append(' ').append(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
      }
      return sb.toString();
    }
    return DURATIONS.contains(key) ? "a duration" : "a time";
  }

  private UsageException problem(Entry e, String message) {
    return new UsageException(file.where(e) + ": " + message);
  }
}
