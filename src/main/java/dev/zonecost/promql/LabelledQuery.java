package dev.zonecost.promql;

/** One query as a command prints it and a report records it: what it reads, and its PromQL. */
public record LabelledQuery(String label, String promql) {}
