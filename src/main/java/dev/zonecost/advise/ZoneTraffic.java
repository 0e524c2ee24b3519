package dev.zonecost.advise;

/**
 * What a Service's clients in one zone sent and received through it in the window ({@code T_z}),
 * and how much of that crossed zones as measured from the pod pairs.
 *
 * @param zone the clients' zone (never unknown: unknown-zone clients are counted apart)
 * @param clientBytes request and reply bytes of the zone's clients through the Service
 * @param crossBytes the part of them whose endpoint was in another (known) zone
 */
public record ZoneTraffic(String zone, long clientBytes, long crossBytes) {
  public ZoneTraffic {
    if (clientBytes < 0 || crossBytes < 0 || crossBytes > clientBytes) {
      throw new IllegalArgumentException(
          "zone "
              + zone
              + ": need 0 <= cross <= client bytes, got "
              + crossBytes
              + ", "
              + clientBytes);
    }
  }
}
