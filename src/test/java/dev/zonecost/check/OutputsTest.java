package dev.zonecost.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OutputsTest {
  private final Verdict verdict =
      new Verdict(
          new Thresholds(650L, 0.9, null, CostBasis.WINDOW, null, true).evaluate(Fixtures.sample()),
          List.of("a note with <xml> & | pipes"));

  @Test
  void should_write_junit_xml_that_parses_with_one_testcase_per_check_and_a_failure_per_breach()
      throws Exception {
    StringWriter w = new StringWriter();
    JUnitXmlWriter.write(verdict, w);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(1, suites.getLength());
    Element suite = (Element) suites.item(0);
    NodeList cases = suite.getElementsByTagName("testcase");
    NodeList failures = suite.getElementsByTagName("failure");
    assertEquals(verdict.checks().size(), cases.getLength());
    assertEquals(2 + 2 * 3, cases.getLength());
    assertEquals(verdict.failures().size(), failures.getLength());
    assertEquals(Integer.toString(cases.getLength()), suite.getAttribute("tests"));
    assertEquals(Integer.toString(failures.getLength()), suite.getAttribute("failures"));
    Element overallBytes = (Element) cases.item(0);
    assertEquals("cross-zone bytes", overallBytes.getAttribute("name"));
    assertEquals("zonecost.check.overall", overallBytes.getAttribute("classname"));
    Element f = (Element) overallBytes.getElementsByTagName("failure").item(0);
    assertTrue(f.getAttribute("message").contains("700 B"), f.getAttribute("message"));
    assertTrue(f.getAttribute("message").contains("650 B"), f.getAttribute("message"));
    assertTrue(f.getTextContent().contains("top: app/web -> app/db 600 B"), f.getTextContent());
  }

  @Test
  void should_render_markdown_with_a_header_and_one_table_row_per_check() {
    String md = MarkdownSummary.render(verdict, "2026-11-01T00:00:00Z .. 2026-11-02T00:00:00Z");
    List<String> lines = md.lines().toList();
    assertTrue(lines.get(0).startsWith("## zonecost check: FAILED"), md);
    int header = lines.indexOf("| result | check | scope | measured | limit |");
    assertTrue(header > 0, md);
    assertEquals("| --- | --- | --- | --- | --- |", lines.get(header + 1));
    long rows =
        lines.stream()
            .filter(l -> l.startsWith("| PASS |") || l.startsWith("| **FAIL** |"))
            .count();
    assertEquals(verdict.checks().size(), rows, md);
    assertTrue(md.contains("| **FAIL** | cross-zone bytes | overall | 700 B | 650 B |"), md);
    assertTrue(md.contains("a note with &lt;xml&gt; &amp; \\| pipes"), md);
    assertTrue(md.contains("### Top contributors"), md);
  }

  @Test
  void should_print_a_table_with_pass_and_fail_and_a_headline_that_counts() {
    StringWriter w = new StringWriter();
    VerdictText.write(verdict, new java.io.PrintWriter(w));
    String text = w.toString();
    assertTrue(text.startsWith("RESULT  CHECK"), text);
    assertTrue(text.contains("FAIL overall: cross-zone bytes 700 B is over the limit 650 B"), text);
    assertTrue(
        text.strip()
            .endsWith(
                verdict.failures().size() + " of " + verdict.checks().size() + " checks failed"),
        text);
  }
}
