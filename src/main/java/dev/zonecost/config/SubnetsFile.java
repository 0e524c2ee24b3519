package dev.zonecost.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.zonecost.accounting.Subnets;
import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code --subnets FILE}: address ranges outside the cluster and their zones, in the shape
 * the user already has — {@code aws ec2 describe-subnets} JSON ({@code Subnets[].CidrBlock}, {@code
 * AvailabilityZone}, the {@code Name} tag), a YAML or JSON list of {@code cidr}, {@code zone} and
 * optional {@code name} (at the top or under {@code subnets:}), or a CSV with a header {@code
 * cidr,zone[,name]}. GCP's subnets are regional and name no zone: list them plainly.
 */
public final class SubnetsFile {
  /** Files larger than this are refused before they are read. */
  static final long MAX_BYTES = 8L << 20;

  private SubnetsFile() {}

  public static Subnets read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("--subnets " + file + ": larger than 8 MiB");
      }
      List<String[]> entries =
          file.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(file) : tree(file);
      if (entries.isEmpty()) {
        throw new UsageException("--subnets " + file + ": no subnet in it");
      }
      return Subnets.of(entries);
    } catch (NoSuchFileException e) {
      throw new UsageException("--subnets " + file + ": no such file");
    } catch (IOException e) {
      throw new UsageException("--subnets " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--subnets " + file + ": " + e.getMessage());
    }
  }

  private static List<String[]> csv(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CSVFormat f =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
      for (CSVRecord rec : f.parse(r)) {
        if (!rec.isMapped("cidr") || !rec.isMapped("zone")) {
          throw new IllegalArgumentException("a CSV needs a header cidr,zone[,name]");
        }
        out.add(
            new String[] {
              rec.get("cidr"), rec.get("zone"), rec.isMapped("name") ? rec.get("name") : null
            });
      }
    }
    return out;
  }

  private static List<String[]> tree(Path file) throws IOException {
    JsonNode root = new YAMLMapper().readTree(file.toFile());
    JsonNode list = root;
    if (root != null && root.isObject()) {
      list = root.has("Subnets") ? root.get("Subnets") : root.get("subnets");
    }
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          "expected a list of subnets (cidr, zone, name), or `aws ec2 describe-subnets` output");
    }
    List<String[]> out = new ArrayList<>();
    for (JsonNode s : list) {
      if (s.has("CidrBlock")) {
        out.add(
            new String[] {
              s.path("CidrBlock").asText(), s.path("AvailabilityZone").asText(), awsName(s)
            });
      } else if (s.has("ipCidrRange") && !s.has("zone")) {
        throw new IllegalArgumentException(
            "GCP subnets are regional and name no zone: list each range with its zone (cidr, zone,"
                + " name)");
      } else {
        String cidr = s.has("cidr") ? s.path("cidr").asText() : s.path("ipCidrRange").asText();
        out.add(new String[] {cidr, s.path("zone").asText(), s.path("name").asText(null)});
      }
    }
    return out;
  }

  /** The subnet's Name tag, else its id. */
  private static String awsName(JsonNode s) {
    for (JsonNode t : s.path("Tags")) {
      if ("Name".equals(t.path("Key").asText())) {
        return t.path("Value").asText();
      }
    }
    return s.path("SubnetId").asText(null);
  }
}
