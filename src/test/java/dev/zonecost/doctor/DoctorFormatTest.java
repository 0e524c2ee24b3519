package dev.zonecost.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** doctor -o json and -o yaml: one document in two syntaxes; the YAML is golden. */
class DoctorFormatTest {
  static DoctorReport report() {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("series", 12);
    numbers.put("share", 0.25);
    return new DoctorReport(
        Instant.parse("2026-11-01T01:00:00Z"),
        Instant.parse("2026-11-01T02:00:00Z"),
        List.of(
            CheckResult.ok("reachability", "Prometheus 3.5.0 answered"),
            new CheckResult(
                "node zones",
                Status.WARN,
                "1 of 4 nodes without zone: ip-10-0-1-9",
                "label it topology.kubernetes.io/zone: \"a\"",
                numbers,
                List.of(FixHint.values()[0])),
            CheckResult.fail("observations", "no series", "enable pod-level metrics")));
  }

  @Test
  void yaml_is_the_json_document_and_matches_its_golden_file() throws Exception {
    String yaml = DoctorFormat.YAML.render(report());
    assertEquals(
        new ObjectMapper().readTree(DoctorFormat.JSON.render(report())),
        new YAMLMapper().readTree(yaml));
    Path golden = Path.of("src/test/resources/golden/doctor.yaml.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, yaml, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), yaml);
  }
}
