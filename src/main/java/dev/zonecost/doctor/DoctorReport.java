package dev.zonecost.doctor;

import java.time.Instant;
import java.util.List;

/** Every check's result for one window. */
public record DoctorReport(Instant start, Instant end, List<CheckResult> results) {

  /** Any FAIL means the data cannot support a trustworthy report (exit 5). */
  public boolean failed() {
    return results.stream().anyMatch(r -> r.status() == Status.FAIL);
  }

  public CheckResult result(String name) {
    return results.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no check " + name));
  }
}
