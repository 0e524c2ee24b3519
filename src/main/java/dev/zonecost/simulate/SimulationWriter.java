package dev.zonecost.simulate;

import dev.zonecost.common.AtomicFile;
import dev.zonecost.common.UsageException;
import dev.zonecost.time.TimeParsing;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes a simulated cluster into a directory: its series as OpenMetrics ({@value #CLUSTER_OM}, for
 * promtool) and the exact answer a report over its window must give ({@value #EXPECTED_JSON}), each
 * written beside its place and renamed into it ({@link AtomicFile}).
 */
public final class SimulationWriter {
  public static final String CLUSTER_OM = "cluster.om";
  public static final String EXPECTED_JSON = "expected.json";

  /** The cluster's subnets outside it, for {@code --subnets} (written only when it has some). */
  public static final String SUBNETS_YAML = "subnets.yaml";

  private SimulationWriter() {}

  /**
   * What to write, checked as {@code simulate}'s options.
   *
   * @param source whose byte counters, one of {@link SimulatedCluster#SOURCES} (lower case)
   * @param series whether to write {@value #CLUSTER_OM}
   * @param expected whether to write {@value #EXPECTED_JSON}
   * @param slice the samples of {@value #CLUSTER_OM}
   * @param cadvisor whether {@value #CLUSTER_OM} also holds cAdvisor's byte counters
   * @param mesh whose proxies' series {@value #CLUSTER_OM} also holds, one of {@link
   *     SimulatedCluster#MESHES}; null for none
   */
  public record Request(
      String source,
      Path outDir,
      boolean series,
      boolean expected,
      SampleSlice slice,
      boolean cadvisor,
      String mesh) {

    /**
     * A request from the options as typed: {@code only} and the slice's ends may be null (both
     * files, every sample). Checks them in the order of the options: source, file, slice.
     */
    public static Request of(
        String source,
        Path outDir,
        String only,
        String samplesFrom,
        String samplesTo,
        boolean cadvisor) {
      String src = oneOf("--source", source, SimulatedCluster.SOURCES);
      boolean series = only == null || only.equals(CLUSTER_OM);
      boolean expected = only == null || only.equals(EXPECTED_JSON);
      if (!series && !expected) {
        throw new UsageException(
            "--only takes " + CLUSTER_OM + " or " + EXPECTED_JSON + ", not '" + only + "'");
      }
      SampleSlice slice = slice(samplesFrom, samplesTo);
      if (slice != SampleSlice.ALL && !series) {
        throw new UsageException(
            "--samples-from and --samples-to select cluster.om's samples: not with --only "
                + EXPECTED_JSON);
      }
      return new Request(src, outDir, series, expected, slice, cadvisor, null);
    }

    /** The same request with {@code mesh}'s series too ({@code --mesh}); null for none. */
    public Request withMesh(String mesh) {
      if (mesh == null) {
        return this;
      }
      String m = oneOf("--mesh", mesh, SimulatedCluster.MESHES);
      return new Request(source, outDir, series, expected, slice, cadvisor, m);
    }

    /** The option's value in lower case, when one of {@code known}; else a usage error. */
    private static String oneOf(String option, String value, List<String> known) {
      String v = value.toLowerCase(Locale.ROOT);
      if (!known.contains(v)) {
        throw new UsageException(
            "unknown "
                + option
                + " '"
                + value
                + "' for simulate: use one of "
                + String.join(", ", known));
      }
      return v;
    }

    /** --samples-from and --samples-to, or every sample. */
    private static SampleSlice slice(String samplesFrom, String samplesTo) {
      if (samplesFrom == null && samplesTo == null) {
        return SampleSlice.ALL;
      }
      Instant from = samplesFrom == null ? Instant.MIN : TimeParsing.instant(samplesFrom);
      Instant to = samplesTo == null ? Instant.MAX : TimeParsing.instant(samplesTo);
      if (!from.isBefore(to)) {
        throw new UsageException(
            "--samples-from (" + samplesFrom + ") must be before --samples-to (" + samplesTo + ")");
      }
      return new SampleSlice(from, to);
    }
  }

  /**
   * What was written.
   *
   * @param samples how many samples {@value #CLUSTER_OM} holds (0 when it was not written)
   * @param took from the start of the simulation to the last file renamed into place
   */
  public record Written(SimulatedCluster cluster, Request request, long samples, Duration took) {

    /** The line {@code simulate} reports on stderr (no line end). */
    public String summary() {
      String src = request.source();
      SampleSlice slice = request.slice();
      return String.format(
          "zonecost: %s cluster%s%s, data from %s, window %s .. %s: %d series, %d samples%s -> %s",
          cluster.scenario(),
          src.equals("retina") ? "" : " as " + src + " exports it",
          request.mesh() == null ? "" : " with " + request.mesh() + "'s proxy series",
          cluster.dataStart(),
          cluster.start(),
          cluster.end(),
          cluster.seriesCount(),
          cluster.sampleCount(src)
              + (request.mesh() == null ? 0 : cluster.meshSampleCount(request.mesh())),
          slice == SampleSlice.ALL
              ? ""
              : " (" + samples + " in " + slice.from() + " .. " + slice.to() + ")",
          request.outDir());
    }

    /** For the large cluster, which families its series are in and how long it took; else null. */
    public String details() {
      if (!cluster.scenario().equals(SimulationSpec.LARGE)) {
        return null;
      }
      return String.format(
          "zonecost: series by family %s; written in %.1f s",
          cluster.seriesCountByFamily(), took.toNanos() / 1e9);
    }
  }

  /** Simulates {@code spec}'s cluster and writes the files {@code request} asks for. */
  public static Written write(SimulationSpec spec, Request request) throws IOException {
    long began = System.nanoTime();
    SimulatedCluster cluster = Simulator.generate(spec);
    SampleSlice slice = request.slice();
    Instant dataEnd = cluster.end().plus(cluster.scrapeInterval());
    if (!slice.from().isBefore(dataEnd) || !slice.to().isAfter(cluster.dataStart())) {
      throw new UsageException(
          "no samples between --samples-from and --samples-to: the data runs from "
              + cluster.dataStart()
              + " to "
              + cluster.end());
    }
    Path outDir = request.outDir();
    Files.createDirectories(outDir);
    String src = request.source();
    long[] samples = {0};
    if (request.series() && request.cadvisor()) {
      AtomicFile.write(
          outDir.resolve(CLUSTER_OM),
          w -> {
            StringWriter series = new StringWriter();
            samples[0] = writeSeries(cluster, series, request);
            w.write(CadvisorSeries.withCadvisor(cluster, series.toString(), slice));
          });
    } else if (request.series()) {
      AtomicFile.write(
          outDir.resolve(CLUSTER_OM), w -> samples[0] = writeSeries(cluster, w, request));
    }
    if (request.expected()) {
      AtomicFile.write(
          outDir.resolve(EXPECTED_JSON), w -> cluster.answer().writeExpectedJson(w, src));
    }
    if (request.series() && !cluster.subnetsYaml().isEmpty()) {
      AtomicFile.write(outDir.resolve(SUBNETS_YAML), w -> w.write(cluster.subnetsYaml()));
    }
    return new Written(cluster, request, samples[0], Duration.ofNanos(System.nanoTime() - began));
  }

  private static long writeSeries(SimulatedCluster cluster, java.io.Writer w, Request request)
      throws IOException {
    return request.mesh() == null
        ? cluster.writeOpenMetrics(w, request.source(), request.slice())
        : cluster.writeOpenMetrics(w, request.source(), request.slice(), request.mesh());
  }
}
