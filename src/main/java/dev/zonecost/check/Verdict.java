package dev.zonecost.check;

import java.util.List;

/** Every check of one run, in the order they were made, and notes worth printing beside them. */
public record Verdict(List<CheckResult> checks, List<String> notes) {

  public Verdict {
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
  }

  public List<CheckResult> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  public boolean breached() {
    return checks.stream().anyMatch(c -> !c.passed());
  }

  /** One sentence that counts what failed. */
  public String headline() {
    if (checks.isEmpty()) {
      return "no thresholds given: nothing was checked";
    }
    long failed = failures().size();
    return failed == 0
        ? "all " + checks.size() + " checks passed"
        : failed + " of " + checks.size() + " checks failed";
  }
}
