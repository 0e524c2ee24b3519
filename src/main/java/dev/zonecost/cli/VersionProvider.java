package dev.zonecost.cli;

import dev.zonecost.common.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** picocli's view of {@link BuildInfo}: the same lines {@code Main}'s fast path prints. */
public final class VersionProvider implements IVersionProvider {

  public static String version() {
    return BuildInfo.version();
  }

  @Override
  public String[] getVersion() {
    return BuildInfo.versionLines().toArray(String[]::new);
  }
}
