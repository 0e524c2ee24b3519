package dev.zonecost.doctor;

/** A check's verdict. INFO is informational and never affects the exit code. */
public enum Status {
  OK,
  INFO,
  WARN,
  FAIL
}
