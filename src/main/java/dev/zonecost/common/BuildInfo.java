package dev.zonecost.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * Version, commit and build date from {@code build.properties}, which Maven fills in at build time;
 * "dev" and "unknown" when run from classes that were not built by Maven. The one source of what
 * {@code --version} prints, for picocli's version provider and for {@code Main}'s fast path (which
 * answers a lone {@code --version} without building the command tree).
 */
public final class BuildInfo {
  private static final Properties BUILD = load();

  private BuildInfo() {}

  public static String version() {
    return value("version", "dev");
  }

  public static String commit() {
    return value("commit", "unknown");
  }

  public static String buildDate() {
    return value("date", "unknown");
  }

  /** The lines {@code zonecost --version} prints. */
  public static List<String> versionLines() {
    return List.of(
        "zonecost " + version(),
        "commit " + commit() + ", built " + buildDate(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
  }

  /** True when the arguments are exactly {@code --version} or {@code -V}. */
  public static boolean isVersionRequest(String... args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  private static String value(String key, String fallback) {
    String v = BUILD.getProperty(key, "").trim();
    // An unfilled placeholder means the resource was copied without Maven's filtering.
    return v.isEmpty() || v.startsWith("${") ? fallback : v;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/zonecost/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // No build information is not a reason to fail --version.
    }
    return p;
  }
}
