package dev.zonecost.accounting;

import com.google.re2j.Pattern;
import java.util.function.BiPredicate;

/**
 * Which traffic a report covers; null means no restriction. Namespace regexes and the cluster go
 * into the PromQL label matchers (escaped); workload regexes match the rolled-up workload name in
 * Java, since a Deployment's name is not a Retina label; so does {@code namespaceRegex} ({@code
 * -n}: either end in the namespace, an "or" of two labels no one matcher says). All regexes are
 * anchored, as PromQL's are; an exclude wins over an include.
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
    String cluster,
    String namespaceRegex) {

  public static final Selection ALL = new Selection(null, null, null, null);

  /** Without {@code -n}. */
  public Selection(
      String sourceNamespaceRegex,
      String destinationNamespaceRegex,
      String sourceWorkloadRegex,
      String destinationWorkloadRegex,
      String excludeSourceNamespaceRegex,
      String excludeDestinationNamespaceRegex,
      String excludeSourceWorkloadRegex,
      String excludeDestinationWorkloadRegex,
      String cluster) {
    this(
        sourceNamespaceRegex,
        destinationNamespaceRegex,
        sourceWorkloadRegex,
        destinationWorkloadRegex,
        excludeSourceNamespaceRegex,
        excludeDestinationNamespaceRegex,
        excludeSourceWorkloadRegex,
        excludeDestinationWorkloadRegex,
        cluster,
        null);
  }

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
    Pattern either = compile(namespaceRegex);
    return (s, d) ->
        (either == null || either.matches(s.namespace()) || either.matches(d.namespace()))
            && (src == null || src.matches(s.name()))
            && (dst == null || dst.matches(d.name()))
            && (notSrc == null || !notSrc.matches(s.name()))
            && (notDst == null || !notDst.matches(d.name()));
  }

  /** RE2, as Prometheus runs the namespace regexes (see {@link Re2}). */
  private static Pattern compile(String regex) {
    return regex == null ? null : Re2.compile("a workload regex", regex);
  }
}
