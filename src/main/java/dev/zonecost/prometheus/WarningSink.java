package dev.zonecost.prometheus;

/**
 * Where the client hands the {@code warnings} and {@code infos} of successful answers (Thanos'
 * partial responses, Prometheus' annotations), as they arrive. Called from query threads, so
 * implementations must be thread-safe.
 */
public interface WarningSink {
  WarningSink NONE =
      new WarningSink() {
        @Override
        public void warning(String text) {}

        @Override
        public void info(String text) {}
      };

  void warning(String text);

  void info(String text);
}
