package dev.zonecost.common;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a command's time went ({@code report --timings}): each request the client sent and each
 * phase the command measured, gathered from any thread. {@link #OFF} records nothing and costs
 * nothing.
 */
public final class Timings {
  public static final Timings OFF = new Timings(false);

  /**
   * One request.
   *
   * @param what the PromQL, or what else was asked
   * @param waitNanos from sending to the answer's headers: the server's work and the network
   * @param readNanos reading and decoding the body (the caller's sink included)
   * @param decodeCpuNanos the CPU time of the reading thread while it read the body
   * @param bytes the body's bytes after decompression
   * @param serverSeconds the server's own time for the query ({@code stats=all}), NaN when it sent
   *     none
   * @param startNanos when it was sent, on {@link System#nanoTime()}'s clock
   */
  public record Request(
      String what,
      long waitNanos,
      long readNanos,
      long decodeCpuNanos,
      long bytes,
      double serverSeconds,
      long startNanos) {
    public long endNanos() {
      return startNanos + waitNanos + readNanos;
    }
  }

  /**
   * One phase on one thread.
   *
   * @param cpuNanos the thread's CPU time in the phase, less the decoding of the answers it read
   *     itself (those are in their requests)
   */
  public record Phase(String name, long wallNanos, long cpuNanos) {}

  private final boolean on;
  private final List<Request> requests = new ArrayList<>();
  private final List<Phase> phases = new ArrayList<>();
  private final Map<Long, Long> decodedOnThread = new ConcurrentHashMap<>();

  private Timings(boolean on) {
    this.on = on;
  }

  /** A collector that records. */
  public static Timings recording() {
    return new Timings(true);
  }

  public boolean on() {
    return on;
  }

  public void request(Request r) {
    if (!on) {
      return;
    }
    decodedOnThread.merge(Thread.currentThread().getId(), r.decodeCpuNanos(), Long::sum);
    synchronized (requests) {
      requests.add(r);
    }
  }

  /** Work that may throw what its caller throws. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** Runs {@code work} and records its wall time and this thread's CPU time as a phase. */
  public <T, E extends Exception> T phase(String name, Work<T, E> work) throws E {
    if (!on) {
      return work.run();
    }
    long thread = Thread.currentThread().getId();
    long decoded = decodedOnThread.getOrDefault(thread, 0L);
    long cpu = cpuNanos();
    long t0 = System.nanoTime();
    try {
      return work.run();
    } finally {
      long wall = System.nanoTime() - t0;
      long spent = cpuNanos() - cpu - (decodedOnThread.getOrDefault(thread, 0L) - decoded);
      phase(new Phase(name, wall, Math.max(0, spent)));
    }
  }

  /** Records a phase measured elsewhere (the JVM's start). */
  public void phase(Phase p) {
    if (on) {
      synchronized (phases) {
        phases.add(p);
      }
    }
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Phase> phases() {
    synchronized (phases) {
      return List.copyOf(phases);
    }
  }

  /** This thread's CPU time, or 0 where the JVM cannot tell. */
  public static long cpuNanos() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
    return Math.max(0, t);
  }
}
