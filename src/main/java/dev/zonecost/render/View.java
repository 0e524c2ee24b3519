package dev.zonecost.render;

import java.io.IOException;
import java.io.Writer;

/**
 * One view of a use case's model (advise's, its verification's, reconcile's): it formats, never
 * computes.
 */
@FunctionalInterface
public interface View<T> {
  void render(T model, Writer out) throws IOException;
}
