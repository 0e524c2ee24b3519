package dev.zonecost.accounting;

/**
 * The bytes one node's network carried in a window, once per byte, by locality: sent by the node's
 * pods (or the node itself) and received by them. Cross-zone bytes are what a cloud bills per
 * instance; unknown-zone bytes had an end zonecost cannot place (the outside, a node without zone)
 * and may or may not have crossed ({@code reconcile}).
 */
public record NodeBytes(
    long sameOut, long crossOut, long unknownOut, long sameIn, long crossIn, long unknownIn) {
  public static final NodeBytes NONE = new NodeBytes(0, 0, 0, 0, 0, 0);

  /** From sums indexed by {@link Locality#ordinal()}, sent then received; rounded half up. */
  static NodeBytes of(double[] v) {
    return new NodeBytes(
        round(v[0]), round(v[1]), round(v[2]), round(v[3]), round(v[4]), round(v[5]));
  }

  private static long round(double bytes) {
    return (long) Math.floor(bytes + 0.5);
  }

  public NodeBytes plus(NodeBytes o) {
    return new NodeBytes(
        sameOut + o.sameOut,
        crossOut + o.crossOut,
        unknownOut + o.unknownOut,
        sameIn + o.sameIn,
        crossIn + o.crossIn,
        unknownIn + o.unknownIn);
  }
}
