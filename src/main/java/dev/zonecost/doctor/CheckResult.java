package dev.zonecost.doctor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the doctor's answer: what was checked, the verdict, what was measured and, when not
 * OK, the exact fix (empty otherwise). {@code numbers} holds the measured values for machines
 * ({@code doctor -o json}); {@code hints} the set-up changes {@code --fix-hints yaml} prints.
 */
public record CheckResult(
    String name,
    Status status,
    String measured,
    String fix,
    Map<String, Object> numbers,
    List<FixHint> hints) {

  public CheckResult {
    numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    hints = List.copyOf(hints);
  }

  public CheckResult(String name, Status status, String measured, String fix) {
    this(name, status, measured, fix, Map.of(), List.of());
  }

  public static CheckResult ok(String name, String measured) {
    return new CheckResult(name, Status.OK, measured, "");
  }

  public static CheckResult info(String name, String measured) {
    return new CheckResult(name, Status.INFO, measured, "");
  }

  public static CheckResult warn(String name, String measured, String fix) {
    return new CheckResult(name, Status.WARN, measured, fix);
  }

  public static CheckResult fail(String name, String measured, String fix) {
    return new CheckResult(name, Status.FAIL, measured, fix);
  }

  /** A copy with one more measured number (a Long, Double, String or a map of them). */
  public CheckResult with(String key, Object value) {
    Map<String, Object> n = new LinkedHashMap<>(numbers);
    n.put(key, value);
    return new CheckResult(name, status, measured, fix, n, hints);
  }

  /** A copy that also carries the set-up changes for {@code --fix-hints yaml}. */
  public CheckResult hint(FixHint... more) {
    List<FixHint> h = new ArrayList<>(hints);
    for (FixHint x : more) {
      if (!h.contains(x)) {
        h.add(x);
      }
    }
    return new CheckResult(name, status, measured, fix, numbers, h);
  }
}
