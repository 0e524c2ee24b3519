package dev.zonecost.cli;

import dev.zonecost.config.OptionValue;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.time.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One line of {@code config view}: an option's effective value as typed, the default a command
 * resolves when it runs where picocli holds none, secrets only as set or unset.
 */
final class EffectiveSetting {
  static final String UNSET = "(unset)";

  private static final Pattern HELP_DEFAULT = Pattern.compile("\\(default: ([^()]*)\\)");

  private EffectiveSetting() {}

  /** {@code key: value # source}, for {@code command}'s option {@code o}. */
  static String line(String command, String key, OptionSpec o, Optional<String> source) {
    Object value = o.getValue();
    if (isSecret(key)) {
      return key + ": " + (blank(value) ? "unset" : "set") + "  # " + source.orElse("default");
    }
    if (source.isPresent()) {
      // Blank with a source: the environment holds the secret itself (PROMETHEUS_BEARER_TOKEN).
      return key + ": " + (blank(value) ? "set" : shown(value)) + "  # " + source.get();
    }
    if (!blank(value)) {
      return key + ": " + shown(value) + "  # default";
    }
    String resolved = resolved(command, key);
    if (resolved != null) {
      return key + ": " + resolved + "  # default";
    }
    Optional<String> help = helpDefault(o);
    if (help.isPresent() && help.get().matches("[\\w.-]+")) {
      return key + ": " + help.get() + "  # default"; // a plain value, e.g. aws-service's "aps"
    }
    return key + ": " + UNSET + "  # default" + help.map(d -> ": " + d).orElse("");
  }

  /** The defaults a command fills in when it runs, for the options picocli leaves empty. */
  private static String resolved(String command, String key) {
    return switch (key) {
      case "since" -> command.equals("doctor") ? "1h" : duration(TimeWindow.DEFAULT_SINCE);
      case "end" -> "now";
      case "cloud" -> PriceSelection.DEFAULT_CLOUD;
      default -> null;
    };
  }

  private static String duration(Duration d) {
    return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "m";
  }

  /** What the option's help says its default is, e.g. "$PROMETHEUS_URL". */
  static Optional<String> helpDefault(OptionSpec o) {
    Matcher m = HELP_DEFAULT.matcher(String.join(" ", o.description()).replaceAll("\\s+", " "));
    return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
  }

  private static boolean blank(Object value) {
    return value == null
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof String s && s.isEmpty());
  }

  /** As typed: enums lower case; the password of a URL masked. */
  private static String shown(Object value) {
    String text = value instanceof Enum<?> e ? OptionValue.label(e) : String.valueOf(value);
    HttpUrl url = HttpUrl.parse(text);
    return url == null || url.password().isEmpty()
        ? text
        : text.replace(url.encodedPassword(), "****");
  }

  /** Inline secrets are never printed; file paths to secrets are not secrets. */
  static boolean isSecret(String key) {
    return !key.endsWith("-file")
        && (key.contains("password") || key.contains("token") || key.equals("header"));
  }
}
