package dev.zonecost.check;

import dev.zonecost.common.MarkupText;
import java.io.IOException;
import java.io.Writer;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as Jenkins and GitLab read it: one testsuite, one testcase per check, a failure for
 * each breach. Built with the DOM, so every message is escaped by the XML library.
 */
public final class JUnitXmlWriter {
  public static final String SUITE = "zonecost check";

  private JUnitXmlWriter() {}

  public static void write(Verdict v, Writer out) throws IOException {
    try {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suites = doc.createElement("testsuites");
      doc.appendChild(suites);
      Element suite = doc.createElement("testsuite");
      suites.appendChild(suite);
      String tests = Integer.toString(v.checks().size());
      String failures = Integer.toString(v.failures().size());
      for (Element e : new Element[] {suites, suite}) {
        e.setAttribute("name", SUITE);
        e.setAttribute("tests", tests);
        e.setAttribute("failures", failures);
        e.setAttribute("errors", "0");
        e.setAttribute("time", "0");
      }
      suite.setAttribute("skipped", "0");
      for (CheckResult c : v.checks()) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("classname", MarkupText.xml("zonecost.check." + c.scope()));
        tc.setAttribute("name", MarkupText.xml(c.name()));
        tc.setAttribute("time", "0");
        if (!c.passed()) {
          Element f = doc.createElement("failure");
          f.setAttribute("type", "threshold breached");
          f.setAttribute("message", MarkupText.xml(c.message()));
          StringBuilder body = new StringBuilder(c.message());
          c.contributors().forEach(s -> body.append("\ntop: ").append(s));
          // The DOM escapes markup, not characters XML 1.0 forbids (ESC would become &#27;).
          f.setTextContent(MarkupText.xml(body.toString()));
          tc.appendChild(f);
        }
        suite.appendChild(tc);
      }
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(doc), new StreamResult(out));
      out.flush();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
    }
  }
}
