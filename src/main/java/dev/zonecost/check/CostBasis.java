package dev.zonecost.check;

/** Which cost a cost threshold is compared with. */
public enum CostBasis {
  /** What the window's cross-zone bytes cost. */
  WINDOW("window cost"),
  /** The window's cost projected linearly to 30 days: an estimate, not a measurement. */
  MONTH("30-day projection");

  private final String label;

  CostBasis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
