package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code --output-file}'s extension as a format: {@code x.html} without {@code -o} writes HTML, and
 * an extension that names another format than {@code -o}'s, or one the command does not write, is
 * refused before anything is sent. Other extensions (or none) leave the format to {@code -o}.
 */
final class FileFormat {
  /** Extension → the format's name, as the {@code -o} values spell it. */
  static final Map<String, String> BY_EXTENSION =
      Map.of(
          "html", "html",
          "htm", "html",
          "csv", "csv",
          "json", "json",
          "md", "markdown",
          "markdown", "markdown",
          "yaml", "yaml",
          "yml", "yaml");

  private FileFormat() {}

  /**
   * The format to write {@code file} in.
   *
   * @param typed whether {@code -o} was given on the command line
   * @param current {@code -o}'s value (given, from the config file or the default)
   * @param supported the formats the command writes, in {@code -o}'s order
   */
  static <E extends Enum<E>> E of(Path file, boolean typed, E current, List<E> supported) {
    String named = named(file);
    if (named == null) {
      return current;
    }
    E match =
        supported.stream()
            .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(named))
            .findFirst()
            .orElse(null);
    if (match == null) {
      throw new UsageException(
          "--output-file "
              + file.getFileName()
              + " names "
              + named
              + ", which this command does not write ("
              + supported.stream()
                  .map(f -> f.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", "))
              + "): give the file one of those extensions, or another, with -o");
    }
    if (typed && match != current) {
      throw new UsageException(
          "--output-file "
              + file.getFileName()
              + " names "
              + named
              + " but -o is "
              + current.name().toLowerCase(Locale.ROOT)
              + ": drop -o, or name the file for "
              + current.name().toLowerCase(Locale.ROOT));
    }
    return match;
  }

  static <E extends Enum<E>> E of(Path file, boolean typed, E current, Class<E> type) {
    return of(file, typed, current, Arrays.asList(type.getEnumConstants()));
  }

  /** For a command with one format (rules: yaml, dashboard: json). */
  static void require(Path file, String format) {
    String named = named(file);
    if (named != null && !named.equals(format)) {
      throw new UsageException(
          "--output-file "
              + file.getFileName()
              + " names "
              + named
              + ", but this command writes "
              + format
              + ": name the file for "
              + format);
    }
  }

  /** The format the file's extension names, or null. */
  static String named(Path file) {
    if (file == null || file.getFileName() == null) {
      return null;
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
