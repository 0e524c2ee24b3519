package dev.zonecost.engine;

/** Told as chunks of work complete, for a progress bar; the engine knows nothing of terminals. */
public interface Progress {
  Progress NONE = (done, total) -> {};

  void chunkDone(int done, int total);
}
