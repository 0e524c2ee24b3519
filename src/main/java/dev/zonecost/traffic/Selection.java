package dev.zonecost.traffic;

import java.util.regex.Pattern;

/**
 * Which traffic a report covers; null means any. Namespace regexes go into the PromQL label
 * matchers (escaped); workload regexes match the rolled-up workload name in Java, since a
 * Deployment's name is not a Retina label. All are anchored, as PromQL's are.
 */
public record Selection(
    String sourceNamespaceRegex,
    String destinationNamespaceRegex,
    String sourceWorkloadRegex,
    String destinationWorkloadRegex) {

  public static final Selection ALL = new Selection(null, null, null, null);

  /** Whether a pair of workloads passes the workload regexes. */
  public java.util.function.BiPredicate<WorkloadRef, WorkloadRef> workloadFilter() {
    Pattern src = sourceWorkloadRegex == null ? null : Pattern.compile(sourceWorkloadRegex);
    Pattern dst =
        destinationWorkloadRegex == null ? null : Pattern.compile(destinationWorkloadRegex);
    return (s, d) ->
        (src == null || src.matcher(s.name()).matches())
            && (dst == null || dst.matcher(d.name()).matches());
  }
}
