package dev.zonecost.traffic;

import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Which traffic a report covers; null means no restriction. Namespace regexes and the cluster go
 * into the PromQL label matchers (escaped); workload regexes match the rolled-up workload name in
 * Java, since a Deployment's name is not a Retina label. All regexes are anchored, as PromQL's are;
 * an exclude wins over an include.
 */
public record Selection(
    String sourceNamespaceRegex,
    String destinationNamespaceRegex,
    String sourceWorkloadRegex,
    String destinationWorkloadRegex,
    String excludeSourceNamespaceRegex,
    String excludeDestinationNamespaceRegex,
    String excludeSourceWorkloadRegex,
    String excludeDestinationWorkloadRegex,
    String cluster) {

  public static final Selection ALL = new Selection(null, null, null, null);

  /** Includes only. */
  public Selection(
      String sourceNamespaceRegex,
      String destinationNamespaceRegex,
      String sourceWorkloadRegex,
      String destinationWorkloadRegex) {
    this(
        sourceNamespaceRegex,
        destinationNamespaceRegex,
        sourceWorkloadRegex,
        destinationWorkloadRegex,
        null,
        null,
        null,
        null,
        null);
  }

  /** Whether a pair of workloads passes the workload regexes. */
  public BiPredicate<WorkloadRef, WorkloadRef> workloadFilter() {
    Pattern src = compile(sourceWorkloadRegex);
    Pattern dst = compile(destinationWorkloadRegex);
    Pattern notSrc = compile(excludeSourceWorkloadRegex);
    Pattern notDst = compile(excludeDestinationWorkloadRegex);
    return (s, d) ->
        (src == null || src.matcher(s.name()).matches())
            && (dst == null || dst.matcher(d.name()).matches())
            && (notSrc == null || !notSrc.matcher(s.name()).matches())
            && (notDst == null || !notDst.matcher(d.name()).matches());
  }

  private static Pattern compile(String regex) {
    return regex == null ? null : Pattern.compile(regex);
  }
}
