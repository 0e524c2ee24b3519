package dev.zonecost.doctor;

/** One preflight check. Back-end failures propagate as {@code BackendException} (exit 4). */
public interface Check {
  CheckResult run(DoctorContext ctx);
}
