package dev.zonecost.render;

/** The {@code -o} formats. */
public enum OutputFormat {
  TABLE,
  WIDE,
  CSV,
  JSON,
  YAML,
  MARKDOWN,
  HTML;

  /**
   * @param headers print header rows (table, wide, csv)
   * @param color ANSI colour (table and wide only; the caller knows whether it is a terminal)
   */
  public Renderer renderer(boolean headers, boolean color) {
    return switch (this) {
      case TABLE -> new TableRenderer(headers, false, color);
      case WIDE -> new TableRenderer(headers, true, color);
      case CSV -> new CsvRenderer(headers);
      case JSON -> new JsonRenderer();
      case YAML -> new YamlRenderer();
      case MARKDOWN -> new MarkdownRenderer();
      case HTML -> new HtmlRenderer();
    };
  }
}
