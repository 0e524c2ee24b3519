package dev.zonecost.prometheus;

/** One sample: milliseconds since the epoch and the value (NaN and infinities allowed). */
public record Sample(long timestampMillis, double value) {}
