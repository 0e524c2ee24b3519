package dev.zonecost.render;

/** The {@code -o} formats of {@code advise}. */
public enum AdviceFormat {
  TABLE,
  CSV,
  JSON,
  YAML,
  MARKDOWN;

  public AdviceRenderers.View view(boolean headers) {
    return switch (this) {
      case TABLE -> AdviceRenderers.table(headers);
      case CSV -> AdviceRenderers.csv(headers);
      case JSON -> AdviceRenderers.json();
      case YAML -> AdviceRenderers.yaml();
      case MARKDOWN -> AdviceRenderers.markdown();
    };
  }
}
