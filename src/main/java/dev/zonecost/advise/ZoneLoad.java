package dev.zonecost.advise;

/**
 * One zone's endpoints under a routing: the share of all client bytes they would serve against
 * their share of the endpoints.
 *
 * @param servedShare share of the Service's client bytes its endpoints would serve (own zone's
 *     clients plus their part of the spill-over)
 * @param endpointShare the zone's share of the Service's zoned ready endpoints
 * @param ratio servedShare / endpointShare: 1 is an even load, above {@link #WARN_ABOVE} overloaded
 * @param suggestedReplicas ready endpoints here that would bring every zone to at most {@link
 *     #WARN_ABOVE} (equal to today's, rounded up, where nothing needs to change)
 */
public record ZoneLoad(
    String zone,
    double endpoints,
    double servedShare,
    double endpointShare,
    double ratio,
    int suggestedReplicas) {

  /** The load ratio above which a zone's endpoints are said to be overloaded. */
  public static final double WARN_ABOVE = 1.2;

  public boolean overloaded() {
    return ratio > WARN_ABOVE;
  }
}
