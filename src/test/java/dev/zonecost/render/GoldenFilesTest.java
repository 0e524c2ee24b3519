package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format rendered from one report and compared with its golden file under
 * src/test/resources/golden/. Refresh after an intended change with {@code mvn test
 * -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void should_render_exactly_the_golden_file(OutputFormat format) throws Exception {
    StringWriter out = new StringWriter();
    format.renderer(true, false).render(RenderersTest.sample(), out);
    assertGolden("report." + format.name().toLowerCase() + ".txt", out.toString());
  }

  /**
   * What was rendered equals the golden file {@code name} (written first with {@code
   * -Dgolden.update=true}).
   */
  static void assertGolden(String name, String rendered) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, rendered, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(file), "missing golden file " + file + ": run with -Dgolden.update=true");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), rendered, file.toString());
  }

  @ParameterizedTest
  @EnumSource(
      value = OutputFormat.class,
      names = {"TABLE", "WIDE"})
  void should_colour_the_locality_only_when_asked(OutputFormat format) throws Exception {
    StringWriter plain = new StringWriter();
    format.renderer(true, false).render(RenderersTest.sample(), plain);
    StringWriter colour = new StringWriter();
    format.renderer(true, true).render(RenderersTest.sample(), colour);
    assertTrue(colour.toString().contains("\u001B[31mcross-zone"), colour.toString());
    assertEquals(plain.toString(), colour.toString().replaceAll("\u001B\\[[0-9;]*m", ""));
    assertTrue(plain.toString().indexOf('\u001B') < 0);
  }
}
