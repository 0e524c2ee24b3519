package dev.zonecost.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The doctor's answer as a table (fix lines under each non-OK row), JSON or YAML. */
public final class DoctorRenderer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private DoctorRenderer() {}

  public static String table(DoctorReport report) {
    int w = "CHECK".length();
    for (CheckResult r : report.results()) {
      w = Math.max(w, r.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("window ").append(report.start()).append(" .. ").append(report.end()).append('\n');
    sb.append(pad("CHECK", w)).append("  ").append(pad("STATUS", 6)).append("  MEASURED\n");
    for (CheckResult r : report.results()) {
      sb.append(pad(r.name(), w))
          .append("  ")
          .append(pad(r.status().name(), 6))
          .append("  ")
          .append(r.measured())
          .append('\n');
      if (!r.fix().isEmpty()) {
        sb.append(pad("", w + 10)).append("fix: ").append(r.fix()).append('\n');
      }
    }
    sb.append(
        report.failed()
            ? "doctor: FAIL - fix the set-up above before trusting a report\n"
            : report.results().stream().anyMatch(r -> r.status() == Status.WARN)
                ? "doctor: no FAIL - read each WARN: it says what reports or commands get wrong"
                    + " until it is fixed\n"
                : "doctor: no FAIL - reports can be trusted\n");
    return sb.toString();
  }

  public static String json(DoctorReport report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same document as {@link #json}, in YAML. */
  public static String yaml(DoctorReport report) {
    try {
      return YAML.writeValueAsString(tree(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode tree(DoctorReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("start", report.start().toString());
    root.put("end", report.end().toString());
    root.put("failed", report.failed());
    ArrayNode checks = root.putArray("checks");
    for (CheckResult r : report.results()) {
      ObjectNode c = checks.addObject();
      c.put("name", r.name());
      c.put("status", r.status().name());
      c.put("measured", r.measured());
      c.put("fix", r.fix());
      c.set("numbers", MAPPER.valueToTree(r.numbers()));
      ArrayNode hints = c.putArray("hints");
      r.hints().forEach(h -> hints.add(h.name().toLowerCase(java.util.Locale.ROOT)));
    }
    return root;
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
