package dev.zonecost.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which config file applies: {@code --config FILE}; else {@code ./zonecost.yaml}; else {@code
 * $XDG_CONFIG_HOME/zonecost/config.yaml} ({@code ~/.config} when XDG_CONFIG_HOME is not set).
 */
public final class ConfigLocator {
  private ConfigLocator() {}

  public static Optional<Path> locate(String explicit, Path workingDir, Map<String, String> env) {
    if (explicit != null) {
      return Optional.of(Path.of(explicit));
    }
    Path local = workingDir.resolve("zonecost.yaml");
    if (Files.isRegularFile(local)) {
      return Optional.of(local);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    Path user = base.resolve("zonecost").resolve("config.yaml");
    return Files.isRegularFile(user) ? Optional.of(user) : Optional.empty();
  }

  /** {@code --config FILE} or {@code --config=FILE} among the arguments, before parsing. */
  public static String explicitPath(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        return null;
      }
      if (args[i].equals("--config") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--config=")) {
        return args[i].substring("--config=".length());
      }
    }
    return null;
  }
}
