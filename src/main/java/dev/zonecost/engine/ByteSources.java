package dev.zonecost.engine;

import dev.zonecost.common.UsageException;
import dev.zonecost.source.ByteSource;
import dev.zonecost.source.beyla.BeylaSource;
import dev.zonecost.source.istio.IstioSource;
import dev.zonecost.source.retina.RetinaSource;
import java.util.List;
import java.util.Locale;

/**
 * Every byte source, in the order {@code --source auto} tries them: Retina first. The one list that
 * names the implementations, kept out of {@code source/} so that the interface does not depend on
 * them.
 */
public final class ByteSources {
  public static final String AUTO = "auto";

  private ByteSources() {}

  /** Retina with its usual metric name. */
  public static final ByteSource RETINA = new RetinaSource();

  public static final ByteSource BEYLA = new BeylaSource();
  public static final ByteSource ISTIO = new IstioSource();

  /** The sources in auto's order. */
  public static List<ByteSource> all() {
    return List.of(RETINA, BEYLA, ISTIO);
  }

  /** The names {@code --source} accepts. */
  public static List<String> names() {
    return List.of("retina", "beyla", "istio", AUTO);
  }

  /** The named source; null for {@code auto}. */
  public static ByteSource byName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals(AUTO)) {
      return null;
    }
    for (ByteSource s : all()) {
      if (s.name().equals(n)) {
        return s;
      }
    }
    throw new UsageException(
        "unknown --source '" + name + "': use one of " + String.join(", ", names()));
  }
}
