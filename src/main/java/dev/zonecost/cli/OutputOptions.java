package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.render.CsvLayout;
import dev.zonecost.render.CsvMatrixRenderer;
import dev.zonecost.render.OutputFormat;
import dev.zonecost.render.Renderer;
import dev.zonecost.report.RowOrder;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where and how the report is printed. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      completionCandidates = Candidates.OutputFormatValues.class,
      description =
          "Output format: table, wide (table with kinds and exact bytes), csv, json, yaml,"
              + " markdown, html (one self-contained page; default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--output-file",
      paramLabel = "FILE",
      description =
          "Write the data here instead of stdout (atomically: all or nothing). Without -o the"
              + " extension names the format (.html, .csv, .json, .md, .yaml); one that"
              + " contradicts -o is refused.")
  Path file;

  @Option(names = "--no-headers", description = "Leave out the header row (table, wide, csv).")
  boolean noHeaders;

  @Option(
      names = "--csv-layout",
      paramLabel = "LAYOUT",
      defaultValue = "tidy",
      completionCandidates = Candidates.CsvLayoutValues.class,
      description =
          "For -o csv: tidy (default: one row per workload pair and zone pair) or matrix (the"
              + " zone x zone grid of bytes and cost).")
  CsvLayout csvLayout;

  @Option(
      names = "--sort-by",
      paramLabel = "KEY",
      defaultValue = "bytes",
      completionCandidates = Candidates.SortByValues.class,
      description =
          "Row order: bytes (default), cost, or cross-ratio (the workload pair's share of bytes"
              + " that crossed zones); ties by key, so the order is stable.")
  RowOrder.SortBy sortBy;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "Print the first N rows; the rest are folded into one (others) row per zone pair, so"
              + " totals still add up.")
  Integer top;

  @Option(
      names = "--no-color",
      description = "No colour, also on a terminal (NO_COLOR in the environment does the same).")
  boolean noColor;

  /** {@code --output-file}'s extension as the format, or a refusal when it conflicts with -o. */
  void formatFromFile(boolean typed) {
    format = FileFormat.of(file, typed, format, OutputFormat.class);
  }

  public RowOrder.SortBy sortBy() {
    return sortBy;
  }

  public Integer top() {
    if (top != null && top < 1) {
      throw new UsageException("--top must be 1 or more, not " + top);
    }
    return top;
  }

  /** Colour only on a terminal, never in a file, never when NO_COLOR is set. */
  boolean colored(Environment env) {
    return !noColor && file == null && !env.noColor() && CommandLine.Help.Ansi.AUTO.enabled();
  }

  /** Colour only for a table on a terminal, never in a file, never when NO_COLOR is set. */
  public Renderer renderer(Environment env) {
    boolean color = colored(env);
    return switch (csvLayout) {
      case TIDY -> format.renderer(!noHeaders, color);
      case MATRIX -> {
        if (format != OutputFormat.CSV) {
          throw new UsageException("--csv-layout matrix goes with -o csv");
        }
        yield new CsvMatrixRenderer(!noHeaders);
      }
    };
  }
}
