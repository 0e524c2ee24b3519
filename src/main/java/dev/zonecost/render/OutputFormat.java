package dev.zonecost.render;

/** The {@code -o} formats. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  public Renderer renderer(boolean headers) {
    return switch (this) {
      case TABLE -> new TableRenderer(headers);
      case CSV -> new CsvRenderer(headers);
      case JSON -> new JsonRenderer();
    };
  }
}
