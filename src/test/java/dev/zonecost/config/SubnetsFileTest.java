package dev.zonecost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.accounting.Subnets;
import dev.zonecost.common.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --subnets FILE} in the shapes users already have. */
class SubnetsFileTest {
  @TempDir Path dir;

  private Subnets read(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return SubnetsFile.read(f);
  }

  @Test
  void reads_aws_describe_subnets_with_the_name_tag_else_the_subnet_id() throws Exception {
    Subnets s =
        read(
            "subnets.json",
            "{\"Subnets\": [{\"CidrBlock\": \"10.0.200.0/24\", \"AvailabilityZone\":"
                + " \"us-east-1c\", \"SubnetId\": \"subnet-0a1\", \"Tags\": [{\"Key\": \"Name\","
                + " \"Value\": \"rds-c\"}]}, {\"CidrBlock\": \"10.0.201.0/24\","
                + " \"AvailabilityZone\": \"us-east-1a\", \"SubnetId\": \"subnet-0b2\"}]}");
    assertEquals("rds-c", s.at("10.0.200.9").name());
    assertEquals("us-east-1c", s.at("10.0.200.9").zone());
    assertEquals("subnet-0b2", s.at("10.0.201.9").name());
  }

  @Test
  void reads_a_plain_yaml_list_and_a_csv() throws Exception {
    Subnets y =
        read(
            "subnets.yaml",
            "subnets:\n  - cidr: 10.0.200.0/24\n    zone: us-east-1c\n    name: rds-c\n");
    assertEquals("rds-c", y.at("10.0.200.9").name());
    Subnets c = read("subnets.csv", "cidr,zone,name\n10.0.200.0/24,us-east-1c,rds-c\n");
    assertEquals("us-east-1c", c.at("10.0.200.9").zone());
  }

  @Test
  void gcp_subnets_without_zones_a_bad_range_and_a_missing_file_get_one_line_each() {
    UsageException gcp =
        assertThrows(
            UsageException.class,
            () ->
                read(
                    "gcp.json",
                    "[{\"name\": \"default\", \"ipCidrRange\": \"10.128.0.0/20\", \"region\":"
                        + " \"us-central1\"}]"));
    assertTrue(gcp.getMessage().contains("GCP subnets are regional"), gcp.getMessage());
    UsageException bad =
        assertThrows(
            UsageException.class, () -> read("bad.csv", "cidr,zone\n10.0.0.0/40,us-east-1a\n"));
    assertEquals(
        "--subnets "
            + dir.resolve("bad.csv")
            + ": '10.0.0.0/40' is not an IPv4 CIDR range"
            + " (a.b.c.d/n)",
        bad.getMessage());
    UsageException missing =
        assertThrows(UsageException.class, () -> SubnetsFile.read(dir.resolve("none.yaml")));
    assertEquals("--subnets " + dir.resolve("none.yaml") + ": no such file", missing.getMessage());
  }
}
