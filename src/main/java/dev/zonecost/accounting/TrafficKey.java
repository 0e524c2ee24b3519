package dev.zonecost.accounting;

/** One row's identity: a source→destination workload pair and the zones the bytes went between. */
public record TrafficKey(
    WorkloadRef source, WorkloadRef destination, String sourceZone, String destinationZone) {

  public Locality locality() {
    return Locality.of(sourceZone, destinationZone);
  }
}
