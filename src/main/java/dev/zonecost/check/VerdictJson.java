package dev.zonecost.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;

/** The verdict for machines. */
public final class VerdictJson {
  public static final int SCHEMA_VERSION = 1;

  private VerdictJson() {}

  public static ObjectNode tree(Verdict v, boolean warnOnly) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("passed", !v.breached());
    root.put("warnOnly", warnOnly);
    root.put("summary", v.headline());
    var checks = root.putArray("checks");
    for (CheckResult c : v.checks()) {
      ObjectNode o = checks.addObject();
      o.put("name", c.name());
      o.put("scope", c.scope());
      o.put("result", c.passed() ? "pass" : "fail");
      o.put("measured", c.measured());
      o.put("limit", c.limit());
      o.put("message", c.message());
      c.contributors().forEach(o.putArray("topContributors")::add);
    }
    v.notes().forEach(root.putArray("notes")::add);
    return root;
  }

  public static void write(Verdict v, boolean warnOnly, Writer out) throws IOException {
    out.write(
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(v, warnOnly)));
    out.write('\n');
    out.flush();
  }
}
