package dev.zonecost.prometheus;

/** Valid JSON, but not shaped like the Prometheus envelope; the client adds URL and status. */
final class BadEnvelopeException extends Exception {
  BadEnvelopeException(String detail) {
    super(detail);
  }
}
