package dev.zonecost.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PodDirectoryTest {
  private static PodDirectory directory() {
    PodDirectory d = new PodDirectory();
    d.addNode("", "n-a", "zone-a");
    d.addNode("", "n-b", "zone-b");
    d.addNode("", "n-bare", "");
    return d;
  }

  @Test
  void should_tell_apart_two_incarnations_of_one_pod_name_by_ip() {
    PodDirectory d = directory();
    d.addPod(new PodKey("", "db", "cache-0", "10.0.0.1"), "n-a");
    d.addPod(new PodKey("", "db", "cache-0", "10.0.0.2"), "n-b");
    assertEquals("zone-a", d.placement(new PodKey("", "db", "cache-0", "10.0.0.1")).zone());
    assertEquals("zone-b", d.placement(new PodKey("", "db", "cache-0", "10.0.0.2")).zone());
  }

  @Test
  void should_leave_a_name_without_ip_unknown_when_its_incarnations_were_in_different_zones() {
    PodDirectory d = directory();
    d.addPod(new PodKey("", "db", "cache-0", "10.0.0.1"), "n-a");
    d.addPod(new PodKey("", "db", "cache-0", "10.0.0.2"), "n-b");
    assertEquals(Placement.UNKNOWN, d.placement(new PodKey("", "db", "cache-0", "10.9.9.9")));
    assertEquals(1, d.ambiguousLookups());
  }

  @Test
  void should_fall_back_to_the_name_when_the_ip_is_not_known() {
    PodDirectory d = directory();
    d.addPod(new PodKey("", "app", "web-1", "10.0.0.5"), "n-b");
    assertEquals(new Placement("n-b", "zone-b"), d.placement(new PodKey("", "app", "web-1", "")));
  }

  @Test
  void should_keep_equal_pod_names_in_two_namespaces_apart() {
    PodDirectory d = directory();
    d.addPod(new PodKey("", "a", "web-1", "10.0.0.5"), "n-a");
    d.addPod(new PodKey("", "b", "web-1", "10.0.0.6"), "n-b");
    assertEquals("zone-a", d.placement(new PodKey("", "a", "web-1", "10.0.0.5")).zone());
    assertEquals("zone-b", d.placement(new PodKey("", "b", "web-1", "10.0.0.6")).zone());
  }

  @Test
  void should_say_unknown_for_a_node_without_zone_label_and_an_unseen_pod() {
    PodDirectory d = directory();
    d.addPod(new PodKey("", "a", "p", "10.0.0.7"), "n-bare");
    assertEquals(
        new Placement("n-bare", Zones.UNKNOWN), d.placement(new PodKey("", "a", "p", "10.0.0.7")));
    assertEquals(Placement.UNKNOWN, d.placement(new PodKey("", "a", "gone", "10.0.0.8")));
  }
}
