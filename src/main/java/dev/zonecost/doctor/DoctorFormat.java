package dev.zonecost.doctor;

/** {@code doctor -o}: the checks as a table for people, or as JSON or YAML (one document). */
public enum DoctorFormat {
  TABLE,
  JSON,
  YAML;

  public String render(DoctorReport report) {
    return switch (this) {
      case TABLE -> DoctorRenderer.table(report);
      case JSON -> DoctorRenderer.json(report);
      case YAML -> DoctorRenderer.yaml(report);
    };
  }
}
