package dev.zonecost.cli;

import dev.zonecost.render.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how the report is printed. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description = "Write the data here instead of stdout (atomically: all or nothing).")
  Path file;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv).")
  boolean noHeaders;
}
