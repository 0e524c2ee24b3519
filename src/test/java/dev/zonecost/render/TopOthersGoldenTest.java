package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.TrafficRow;
import dev.zonecost.cost.CostEstimator;
import dev.zonecost.cost.PriceBookLoader;
import dev.zonecost.cost.PriceSelection;
import dev.zonecost.report.Report;
import dev.zonecost.report.RowOrder;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --top 1}: the table prints the top row and ONE {@code (others)} row over every zone pair;
 * machine outputs keep one (others) row per zone pair, so their totals and matrix stay exact (issue
 * 32). Golden files: report.top.FORMAT.txt; refresh with -Dgolden.update=true.
 */
class TopOthersGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Report topOne() {
    Report sample = RenderersTest.sample();
    CostEstimator prices =
        new CostEstimator(PriceSelection.of(PriceBookLoader.loadDefault(), "aws", null));
    List<TrafficRow> rows = RowOrder.apply(sample.rows(), RowOrder.SortBy.BYTES, 1, prices);
    return Report.of(sample.metadata(), rows, prices);
  }

  @ParameterizedTest
  @EnumSource(
      value = OutputFormat.class,
      names = {"TABLE", "WIDE", "CSV", "JSON"})
  void should_print_one_others_row_for_people_and_the_split_for_machines(OutputFormat format)
      throws Exception {
    StringWriter out = new StringWriter();
    format.renderer(true, false).render(topOne(), out);
    Path file = GOLDEN.resolve("report.top." + format.name().toLowerCase() + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, out.toString());
    }
    assertTrue(Files.exists(file), "missing " + file + ": run with -Dgolden.update=true");
    assertEquals(Files.readString(file), out.toString());
    if (format == OutputFormat.TABLE || format == OutputFormat.WIDE) {
      long others = out.toString().lines().filter(l -> l.startsWith("(others)")).count();
      assertEquals(1, others, out.toString());
    }
  }
}
