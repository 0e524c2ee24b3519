package dev.zonecost.check;

import dev.zonecost.accounting.Locality;
import dev.zonecost.accounting.WorkloadRef;
import java.math.BigDecimal;
import java.time.Duration;

/** Small hand-made traffic for the check's unit tests. */
final class Fixtures {
  static final Pair WEB_DB = pair("web", "db");
  static final Pair WEB_CACHE = pair("web", "cache");
  static final Pair API_DB = pair("api", "db");

  private Fixtures() {}

  static Pair pair(String src, String dst) {
    return new Pair(
        new WorkloadRef("app", "Deployment", src), new WorkloadRef("app", "Deployment", dst));
  }

  /** web->db 600 cross + 400 same, web->cache 100 cross, api->db 100 unknown; 1 USD per 100 B. */
  static Traffic sample() {
    Traffic.Builder b = new Traffic.Builder();
    b.add(WEB_DB, Locality.CROSS_ZONE, "a -> b", 400, new BigDecimal("4"));
    b.add(WEB_DB, Locality.CROSS_ZONE, "a -> c", 200, new BigDecimal("2"));
    b.add(WEB_DB, Locality.SAME_ZONE, "a -> a", 400, BigDecimal.ZERO);
    b.add(WEB_CACHE, Locality.CROSS_ZONE, "b -> c", 100, new BigDecimal("1"));
    b.add(API_DB, Locality.UNKNOWN_ZONE, "unknown -> a", 100, BigDecimal.ZERO);
    return b.build(Duration.ofDays(1), "USD", new BigDecimal("7"));
  }
}
