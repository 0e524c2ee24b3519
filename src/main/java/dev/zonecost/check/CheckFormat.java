package dev.zonecost.check;

/** {@code check -o}: how the verdict is printed on stdout. */
public enum CheckFormat {
  TABLE,
  JSON;

  public VerdictRenderer renderer(boolean warnOnly) {
    return switch (this) {
      case TABLE -> VerdictRenderer.text();
      case JSON -> VerdictRenderer.json(warnOnly);
    };
  }
}
