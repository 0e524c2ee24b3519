package dev.zonecost.render;

import dev.zonecost.advise.AdviceReport;

/** The {@code -o} formats of {@code advise}. */
public enum AdviceFormat {
  TABLE,
  CSV,
  JSON,
  YAML,
  MARKDOWN;

  public View<AdviceReport> view(boolean headers) {
    return view(headers, null);
  }

  /**
   * @param total the report's cross-zone over the same window and selection, null when unknown
   */
  public View<AdviceReport> view(boolean headers, AdviceRenderers.ReportTotal total) {
    return switch (this) {
      case TABLE -> AdviceRenderers.table(headers, total);
      case CSV -> AdviceRenderers.csv(headers);
      case JSON -> AdviceRenderers.json(total);
      case YAML -> AdviceRenderers.yaml(total);
      case MARKDOWN -> AdviceRenderers.markdown(total);
    };
  }
}
