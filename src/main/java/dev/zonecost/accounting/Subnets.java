package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Address ranges outside the cluster whose zone the user knows ({@code --subnets}): a managed
 * database, cache or broker, another VM. An address outside the cluster that falls in one is that
 * subnet, with its zone, instead of unknown. IPv4, as Retina counts; the most specific range wins.
 */
public final class Subnets {
  /** One range: {@code cidr} as written, its zone, and the name its rows carry. */
  public record Subnet(String cidr, String zone, String name, long network, int prefix) {
    boolean contains(long ip) {
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      return (ip & mask) == network;
    }
  }

  public static final Subnets NONE = new Subnets(List.of());

  /** The namespace of a subnet's rows (with {@code --group-by namespace}, its row). */
  public static final String NAMESPACE = "(subnet)";

  private final List<Subnet> subnets;

  private Subnets(List<Subnet> subnets) {
    List<Subnet> sorted = new ArrayList<>(subnets);
    sorted.sort(Comparator.comparingInt(Subnet::prefix).reversed());
    this.subnets = List.copyOf(sorted);
  }

  /** Builds the list, checking each range ({@link IllegalArgumentException} names the bad one). */
  public static Subnets of(List<String[]> cidrZoneName) {
    List<Subnet> out = new ArrayList<>();
    for (String[] e : cidrZoneName) {
      String cidr = e[0].trim();
      int slash = cidr.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("'" + cidr + "' is not a CIDR range (a.b.c.d/n)");
      }
      long ip = ipv4(cidr.substring(0, slash));
      int prefix;
      try {
        prefix = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException x) {
        prefix = -1;
      }
      if (ip < 0 || prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 CIDR range (a.b.c.d/n)");
      }
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      String zone = e[1] == null ? "" : e[1].trim();
      if (Zones.isUnknown(zone)) {
        throw new IllegalArgumentException("subnet " + cidr + " has no zone");
      }
      String name = e.length > 2 && e[2] != null && !e[2].isBlank() ? e[2].trim() : cidr;
      out.add(new Subnet(cidr, zone, name, ip & mask, prefix));
    }
    return new Subnets(out);
  }

  public boolean isEmpty() {
    return subnets.isEmpty();
  }

  public List<Subnet> all() {
    return subnets;
  }

  /** The most specific subnet holding {@code ip}, or null (also for an address that is no IPv4). */
  public Subnet at(String ip) {
    long a = ipv4(ip);
    if (a < 0) {
      return null;
    }
    for (Subnet s : subnets) {
      if (s.contains(a)) {
        return s;
      }
    }
    return null;
  }

  /** A subnet as a row end. */
  public static WorkloadRef ref(Subnet s) {
    return new WorkloadRef(NAMESPACE, "Subnet", s.name());
  }

  /** The address as an unsigned 32-bit number, or -1 when it is not a dotted IPv4 address. */
  static long ipv4(String s) {
    String[] parts = s.trim().split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int n = Integer.parseInt(p);
      if (n > 255) {
        return -1;
      }
      v = (v << 8) | n;
    }
    return v;
  }
}
