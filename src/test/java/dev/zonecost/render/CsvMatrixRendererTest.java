package dev.zonecost.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvMatrixRendererTest {
  @Test
  void should_print_the_zone_grid_of_bytes_then_cost() throws Exception {
    StringWriter out = new StringWriter();
    new CsvMatrixRenderer(true).render(RenderersTest.sample(), out);
    assertEquals(
        String.join(
            "\n",
            "measure,source_zone,us-east-1a,us-east-1b,unknown",
            "bytes,us-east-1a,1000000,3000000000,0",
            "bytes,us-east-1b,0,0,0",
            "bytes,unknown,1023,0,0",
            "cost (USD),us-east-1a,0,0.06,0",
            "cost (USD),us-east-1b,0,0,0",
            "cost (USD),unknown,0,0,0",
            ""),
        out.toString());
  }
}
