package dev.zonecost.engine;

import dev.zonecost.accounting.WorkloadResolver;
import java.util.List;

/**
 * What kube-state-metrics gave a report's join: how many pods it named, how many of those through
 * {@code exported_*} labels (a scrape without {@code honor_labels}), how many nodes have a zone,
 * and the CronJobs whose Jobs were rolled up, with their runs.
 */
public record KubeJoin(
    long pods, long exportedPods, long zonedNodes, List<WorkloadResolver.CronJobRuns> cronJobs) {
  /** Nothing read (a report from recorded series). */
  public static final KubeJoin NONE = new KubeJoin(0, 0, 0, List.of());

  public KubeJoin {
    cronJobs = List.copyOf(cronJobs);
  }
}
