package dev.zonecost.prometheus;

import java.util.List;
import java.util.Map;

/**
 * One series of a result. A vector or scalar result has exactly one sample; a matrix has many.
 * Labels exclude nothing: {@code __name__} is kept when the server returns it.
 */
public record Series(Map<String, String> labels, List<Sample> samples) {
  public String label(String name) {
    return labels.getOrDefault(name, "");
  }
}
