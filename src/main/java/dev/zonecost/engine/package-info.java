/**
 * Orchestration: which queries a report sends, in parallel and in time chunks, with progress; the
 * only package that knows about threads. {@link dev.zonecost.engine.TrafficEngine} asks a source's
 * plan for its instant queries, decides each series' first sample by DESIGN §3's born rule ({@code
 * Births}, {@code FirstScrapes}: the look-behind, an agent's first scrape, clipping to the data),
 * reads the raw samples of series with resets, and feeds {@code dev.zonecost.accounting}.
 */
package dev.zonecost.engine;
