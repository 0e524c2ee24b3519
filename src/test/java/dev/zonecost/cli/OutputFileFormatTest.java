package dev.zonecost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.common.UsageException;
import dev.zonecost.render.AdviceFormat;
import dev.zonecost.render.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --output-file's extension names the format, for every command that has --output-file. */
class OutputFileFormatTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T02:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void should_take_the_extension_when_o_is_not_typed_and_keep_o_for_other_extensions() {
    assertEquals(
        OutputFormat.HTML,
        FileFormat.of(Path.of("x.html"), false, OutputFormat.TABLE, OutputFormat.class));
    assertEquals(
        OutputFormat.MARKDOWN,
        FileFormat.of(Path.of("d/x.MD"), false, OutputFormat.WIDE, OutputFormat.class));
    assertEquals(
        OutputFormat.YAML,
        FileFormat.of(Path.of("x.yml"), false, OutputFormat.TABLE, OutputFormat.class));
    assertEquals(
        OutputFormat.WIDE,
        FileFormat.of(Path.of("x.txt"), true, OutputFormat.WIDE, OutputFormat.class));
    assertEquals(
        OutputFormat.TABLE,
        FileFormat.of(Path.of("noextension"), false, OutputFormat.TABLE, OutputFormat.class));
    assertEquals(
        OutputFormat.CSV,
        FileFormat.of(Path.of("x.csv"), true, OutputFormat.CSV, OutputFormat.class));
    assertEquals(
        OutputFormat.TABLE, FileFormat.of(null, false, OutputFormat.TABLE, OutputFormat.class));
  }

  @Test
  void should_refuse_a_conflict_with_o_and_a_format_the_command_does_not_write() {
    UsageException conflict =
        assertThrows(
            UsageException.class,
            () -> FileFormat.of(Path.of("x.html"), true, OutputFormat.CSV, OutputFormat.class));
    assertEquals(
        "--output-file x.html names html but -o is csv: drop -o, or name the file for csv",
        conflict.getMessage());
    UsageException unsupported =
        assertThrows(
            UsageException.class,
            () -> FileFormat.of(Path.of("x.html"), false, AdviceFormat.TABLE, AdviceFormat.class));
    assertEquals(
        "--output-file x.html names html, which this command does not write (table, csv, json,"
            + " yaml, markdown): give the file one of those extensions, or another, with -o",
        unsupported.getMessage());
  }

  @Test
  void advise_refuses_before_sending_and_writes_nothing() {
    Path out = dir.resolve("advice.json");
    CliRun r =
        CliRun.run(
            CLOCK,
            "advise",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "-o",
            "markdown",
            "--output-file",
            out.toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(
        "zonecost: --output-file advice.json names json but -o is markdown: drop -o, or name the"
            + " file for markdown\n",
        r.err());
    assertFalse(Files.exists(out));
    Path html = dir.resolve("advice.html");
    CliRun h =
        CliRun.run(
            CLOCK,
            "advise",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "--output-file",
            html.toString());
    assertEquals(2, h.exitCode(), h.describe());
    assertTrue(h.err().contains("names html, which this command does not write"), h.describe());
    assertFalse(Files.exists(html));
  }

  @Test
  void reconcile_refuses_yaml_which_it_does_not_write() throws Exception {
    Path out = dir.resolve("r.yaml");
    Path bill = Files.writeString(dir.resolve("bill.csv"), "x\n");
    CliRun r =
        CliRun.run(
            CLOCK,
            "reconcile",
            "--prometheus-url",
            "http://127.0.0.1:1",
            "--bill",
            bill.toString(),
            "--output-file",
            out.toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(
        r.err().contains("names yaml, which this command does not write (table, wide, csv, json,"),
        r.describe());
    assertFalse(Files.exists(out));
  }

  @Test
  void rules_and_dashboard_write_their_one_format_and_refuse_another_extension() throws Exception {
    Path json = dir.resolve("rules.json");
    CliRun rules = CliRun.run(CLOCK, "rules", "--output-file", json.toString());
    assertEquals(2, rules.exitCode(), rules.describe());
    assertEquals(
        "zonecost: --output-file rules.json names json, but this command writes yaml: name the"
            + " file for yaml\n",
        rules.err());
    assertFalse(Files.exists(json));
    Path yml = dir.resolve("rules.yml");
    assertEquals(0, CliRun.run(CLOCK, "rules", "--output-file", yml.toString()).exitCode());
    assertTrue(Files.exists(yml));
    Path yaml = dir.resolve("dash.yaml");
    CliRun dash = CliRun.run(CLOCK, "dashboard", "--output-file", yaml.toString());
    assertEquals(2, dash.exitCode(), dash.describe());
    assertFalse(Files.exists(yaml));
    Path ok = dir.resolve("dash.json");
    assertEquals(0, CliRun.run(CLOCK, "dashboard", "--output-file", ok.toString()).exitCode());
  }
}
