package dev.zonecost.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationWriterTest {
  private static final SimulationSpec SPEC =
      SimulationSpec.builder("seed", Instant.parse("2026-11-01T02:00:00Z")).seed(42).build();

  @Test
  void should_write_both_files_as_the_cluster_gives_them_and_nothing_else(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("a/b");
    SimulationWriter.Written written =
        SimulationWriter.write(
            SPEC, SimulationWriter.Request.of("Beyla", out, null, null, null, false));

    SimulatedCluster c = Simulator.generate(SPEC);
    StringWriter series = new StringWriter();
    c.writeOpenMetrics(series, "beyla");
    StringWriter expected = new StringWriter();
    c.answer().writeExpectedJson(expected, "beyla");
    assertEquals(series.toString(), Files.readString(out.resolve(SimulationWriter.CLUSTER_OM)));
    assertEquals(
        expected.toString(), Files.readString(out.resolve(SimulationWriter.EXPECTED_JSON)));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of(SimulationWriter.CLUSTER_OM, SimulationWriter.EXPECTED_JSON),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }
    assertEquals(c.sampleCount("beyla"), written.samples());
    assertTrue(
        written.summary().startsWith("zonecost: seed cluster as beyla exports it, data from"),
        written.summary());
    assertNull(written.details(), "only the large cluster reports its families");
  }

  @Test
  void should_write_only_the_file_asked_for(@TempDir Path dir) throws IOException {
    SimulationWriter.write(
        SPEC,
        SimulationWriter.Request.of(
            "retina", dir, SimulationWriter.EXPECTED_JSON, null, null, false));
    assertTrue(Files.exists(dir.resolve(SimulationWriter.EXPECTED_JSON)));
    assertTrue(Files.notExists(dir.resolve(SimulationWriter.CLUSTER_OM)));
  }

  @Test
  void should_refuse_an_unknown_source_file_or_an_empty_slice() {
    Path dir = Path.of("unused");
    assertThrows(
        UsageException.class,
        () -> SimulationWriter.Request.of("cilium", dir, null, null, null, false));
    assertThrows(
        UsageException.class,
        () -> SimulationWriter.Request.of("retina", dir, "data.om", null, null, false));
    assertThrows(
        UsageException.class,
        () ->
            SimulationWriter.Request.of(
                "retina", dir, null, "2026-11-01T01:00:00Z", "2026-11-01T01:00:00Z", false));
  }

  @Test
  void with_a_mesh_the_series_hold_its_proxies_series_and_the_answer_is_unchanged(@TempDir Path dir)
      throws IOException {
    SimulationSpec edge =
        SimulationSpec.builder("edge", Instant.parse("2026-11-01T02:00:00Z")).seed(42).build();
    SimulationWriter.Written written =
        SimulationWriter.write(
            edge,
            SimulationWriter.Request.of("retina", dir, null, null, null, false)
                .withMesh("Linkerd"));
    SimulatedCluster c = Simulator.generate(edge);
    StringWriter plain = new StringWriter();
    c.writeOpenMetrics(plain, "retina");
    StringWriter expected = new StringWriter();
    c.answer().writeExpectedJson(expected, "retina");
    String om = Files.readString(dir.resolve(SimulationWriter.CLUSTER_OM));
    assertEquals(
        expected.toString(), Files.readString(dir.resolve(SimulationWriter.EXPECTED_JSON)));
    assertTrue(om.contains("tcp_write_bytes_total{direction=\"outbound\",peer=\"dst\""), om);
    assertTrue(om.contains("# TYPE tcp_read_bytes counter"));
    assertEquals(
        plain.toString().replace("# EOF\n", ""),
        om.substring(0, om.indexOf("# TYPE tcp_write_bytes counter")),
        "Retina's and kube-state-metrics' series as without the mesh");
    assertEquals(c.sampleCount("retina") + c.meshSampleCount("linkerd"), written.samples());
    assertTrue(written.summary().contains("edge cluster with linkerd's proxy series"));
    assertThrows(
        UsageException.class,
        () ->
            SimulationWriter.Request.of("retina", dir, null, null, null, false).withMesh("cilium"));
  }
}
