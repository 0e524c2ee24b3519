package dev.zonecost.doctor;

/**
 * Can Prometheus be reached, and which version is it. An unreachable server throws (exit 4), so
 * this check only ever reports OK or, when {@code buildinfo} is not served, INFO.
 */
public final class ReachabilityCheck implements Check {
  public static final String NAME = "prometheus";

  @Override
  public CheckResult run(DoctorContext ctx) {
    var version = ctx.api().version();
    ctx.query("vector(1)");
    return version
        .map(v -> CheckResult.ok(NAME, "reachable, version " + v))
        .orElseGet(
            () ->
                CheckResult.info(
                    NAME, "reachable; /api/v1/status/buildinfo not served (not Prometheus?)"));
  }
}
