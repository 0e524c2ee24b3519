package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Issue 29 rows 6, 7 and 15: label values with controls and markup in check's outputs. */
class HostileLabelsOutputsTest {
  private static final String HOSTILE = "evil\u001b[31m\u0001\u0007<img src=x onerror=alert(1)>";
  private static final Verdict VERDICT =
      new Verdict(
          List.of(
              new CheckResult(
                  "cross-zone bytes",
                  "pair app/" + HOSTILE + " -> app/db",
                  false,
                  "700 B",
                  "650 B",
                  "app/" + HOSTILE + " sent 700 B",
                  List.of("app/" + HOSTILE + " -> app/db 600 B ![x](https://e.example/x.png)"))),
          List.of("note \u202egnp.exe `code` [link](https://e.example) | pipe & more"));

  @Test
  void should_show_control_characters_in_the_table_not_send_them_to_the_terminal() {
    StringWriter out = new StringWriter();
    VerdictText.write(VERDICT, new PrintWriter(out));
    String text = out.toString();
    for (char c : new char[] {'\u001b', '\u0001', '\u0007', '\u202e'}) {
      assertFalse(text.indexOf(c) >= 0, "raw U+" + Integer.toHexString(c) + " in\n" + text);
    }
    assertTrue(text.contains("evil\\u001b[31m\\u0001\\u0007"), text);
  }

  @Test
  void should_write_junit_xml_1_0_that_a_strict_parser_reads() throws Exception {
    StringWriter w = new StringWriter();
    JUnitXmlWriter.write(VERDICT, w);
    String xml = w.toString();
    assertFalse(xml.contains("&#27;") || xml.contains("&#1;") || xml.contains("&#7;"), xml);
    Element f =
        (Element)
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("failure")
                .item(0);
    assertTrue(f.getAttribute("message").contains("evil\\u001b[31m"), f.getAttribute("message"));
  }

  @Test
  void should_escape_label_values_for_markdown_and_html_in_the_summary() {
    String md = MarkdownSummary.render(VERDICT, "24h");
    assertFalse(md.contains("<img"), md);
    assertFalse(md.contains("!["), md);
    assertFalse(md.contains("[link]("), md);
    assertFalse(md.contains("`code`"), md);
    assertFalse(md.indexOf('\u202e') >= 0 || md.indexOf('\u001b') >= 0, md);
    assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;"), md);
    assertTrue(md.contains("\\| pipe &amp; more"), md);
    long rows = md.lines().filter(l -> l.startsWith("| **FAIL** |")).count();
    assertEquals(1, rows, md);
  }
}
