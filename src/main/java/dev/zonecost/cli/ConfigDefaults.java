package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.config.ConfigFile;
import dev.zonecost.config.ConfigFile.Entry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  /** Options whose secret the environment holds instead: when it is set, the file's is not used. */
  static final Map<String, String> SHADOWED =
      Map.of(
          "bearer-token-file", "PROMETHEUS_BEARER_TOKEN",
          "basic-auth-password-file", "PROMETHEUS_BASIC_AUTH_PASSWORD");

  private final ConfigFile file;
  private final Map<String, String> env;

  /** Top-level values that do not fit a command's option: reported when that command runs. */
  private final Map<String, UsageException> problems = new HashMap<>();

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

  Optional<UsageException> problem(String command) {
    return Optional.ofNullable(problems.get(command));
  }

  /** Where an option's value comes from when it is not a flag: env, file or empty (default). */
  Optional<String> source(String command, OptionSpec o) {
    String var = environmentVariable(key(o));
    if (var != null) {
      return Optional.of("env " + var);
    }
    return file.lookup(command, key(o)).map(file::where);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o) || arg.command() == null) {
      return null;
    }
    String key = key(o);
    if (environmentVariable(key) != null) {
      return ENV.containsKey(key) ? env.get(ENV.get(key)) : null;
    }
    String command = arg.command().name();
    if (problems.containsKey(command)) {
      return null;
    }
    return file.lookup(command, key).map(Entry::value).orElse(null);
  }

  private String environmentVariable(String key) {
    String var = ENV.getOrDefault(key, SHADOWED.get(key));
    return var != null && env.get(var) != null && !env.get(var).isEmpty() ? var : null;
  }

  /** Refuses what fits no command; keeps what fits only some for when one of the others runs. */
  void validate(CommandSpec root) {
    problems.putAll(ConfigCheck.problems(file, root));
  }
}
