package dev.zonecost.advise;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code advise --verify}: every Service's prediction from the earlier window ({@code before*})
 * held against the current one, shortfalls first (largest missed saving first), then by name.
 */
public record VerificationReport(
    Instant beforeStart,
    Instant beforeEnd,
    Instant start,
    Instant end,
    List<Verification> services,
    List<String> assumptions) {

  static final Comparator<Verification> ORDER =
      Comparator.comparing((Verification v) -> !v.verdict().shortfall())
          .thenComparing(
              Comparator.comparingLong(
                      (Verification v) -> v.predictedSavingBytes() - v.savingBytes())
                  .reversed())
          .thenComparing(Verification::namespace)
          .thenComparing(Verification::name);

  public VerificationReport {
    services = services.stream().sorted(ORDER).toList();
    assumptions = List.copyOf(assumptions);
  }

  /** The Services whose predicted saving fell short. */
  public long shortfalls() {
    return services.stream().filter(v -> v.verdict().shortfall()).count();
  }

  public long predictedSavingBytes() {
    return services.stream()
        .filter(v -> v.predictedSavingBytes() > 0)
        .mapToLong(Verification::predictedSavingBytes)
        .sum();
  }

  public long savingBytes() {
    return services.stream()
        .filter(v -> v.predictedSavingBytes() > 0)
        .mapToLong(Verification::savingBytes)
        .sum();
  }
}
