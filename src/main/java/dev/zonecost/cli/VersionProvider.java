package dev.zonecost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Version, commit and build date from {@code build.properties}, which Maven fills in at build time;
 * "dev" and "unknown" when run from classes that were not built by Maven.
 */
public final class VersionProvider implements IVersionProvider {
  private static final Properties BUILD = load();

  public static String version() {
    return value("version", "dev");
  }

  public static String commit() {
    return value("commit", "unknown");
  }

  public static String buildDate() {
    return value("date", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "zonecost " + version(),
      "commit " + commit() + ", built " + buildDate(),
      "Java ${java.version} (${java.vendor})"
    };
  }

  private static String value(String key, String fallback) {
    String v = BUILD.getProperty(key, "").trim();
    // An unfilled placeholder means the resource was copied without Maven's filtering.
    return v.isEmpty() || v.startsWith("${") ? fallback : v;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/zonecost/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // No build information is not a reason to fail --version.
    }
    return p;
  }
}
