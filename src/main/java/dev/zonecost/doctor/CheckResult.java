package dev.zonecost.doctor;

/**
 * One line of the doctor's answer: what was checked, the verdict, what was measured and, when not
 * OK, the exact fix (empty otherwise).
 */
public record CheckResult(String name, Status status, String measured, String fix) {

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
}
