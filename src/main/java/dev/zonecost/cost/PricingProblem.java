package dev.zonecost.cost;

/**
 * A mistake in a pricing file at a line; the loader adds the file name and makes it a usage error.
 */
final class PricingProblem extends RuntimeException {
  private final int line;

  PricingProblem(int line, String message) {
    super(message);
    this.line = line;
  }

  int line() {
    return line;
  }
}
