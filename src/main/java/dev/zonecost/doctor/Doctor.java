package dev.zonecost.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs the checks in order (later checks use what earlier ones found). */
public final class Doctor {

  public static List<Check> defaultChecks() {
    return List.of(
        new ReachabilityCheck(),
        new SourcesCheck(),
        new ForwardBytesCheck(),
        new HubbleCheck(),
        new RemoteContextCheck(),
        new NamespaceLabelCheck(),
        new AnnotationModeCheck(),
        new DoubleScrapeCheck(),
        new DirectionCheck(),
        new NativeZoneCheck(),
        new PodInfoCheck(),
        new KsmExportedLabelsCheck(),
        new NodeZoneCheck(),
        new ZoneAgreementCheck(),
        new ReplicaSetOwnerCheck(),
        new FilterMapCheck(),
        new LostEventsCheck(),
        new ObservationsCheck(),
        new AttributionCheck(),
        new ServicesCheck(),
        new EndpointSlicesCheck(),
        new DataSanityCheck(),
        new RetentionCheck());
  }

  private Doctor() {}

  public static DoctorReport run(DoctorContext ctx, List<Check> checks) {
    List<CheckResult> results = new ArrayList<>();
    for (Check c : checks) {
      results.add(c.run(ctx));
    }
    return new DoctorReport(ctx.start(), ctx.end(), List.copyOf(results));
  }
}
