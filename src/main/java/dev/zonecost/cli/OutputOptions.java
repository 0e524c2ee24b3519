package dev.zonecost.cli;

import dev.zonecost.render.OutputFormat;
import dev.zonecost.render.Renderer;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where and how the report is printed. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "Output format: table, wide (table with kinds and exact bytes), csv, json, yaml,"
              + " markdown (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the data here instead of stdout (atomically: all or nothing).")
  Path file;

  @Option(names = "--no-headers", description = "Leave out the header row (table, wide, csv).")
  boolean noHeaders;

  @Option(
      names = "--no-color",
      description = "No colour, also on a terminal (NO_COLOR in the environment does the same).")
  boolean noColor;

  /** Colour only for a table on a terminal, never in a file, never when NO_COLOR is set. */
  public Renderer renderer() {
    String noColorEnv = System.getenv("NO_COLOR");
    boolean color =
        !noColor
            && file == null
            && (noColorEnv == null || noColorEnv.isEmpty())
            && CommandLine.Help.Ansi.AUTO.enabled();
    return format.renderer(!noHeaders, color);
  }
}
