/**
 * Cloud bills: the cost-and-usage exports of AWS (CUR 2.0 / Data Exports, the legacy CUR, FOCUS)
 * and GCP's billing export, read as streamed CSV rows ({@link BillReader}, the format told by the
 * header: {@link BillFormat}), the provider's rules for which rows are inter-zone data transfer
 * kept as data ({@link InterZoneRules}), and what was selected summed per resource and bill period
 * ({@link Bill}). No Prometheus, no nodes: {@code reconcile} joins the bill to the cluster.
 */
package dev.zonecost.bill;
