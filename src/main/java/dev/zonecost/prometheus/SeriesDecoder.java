package dev.zonecost.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts one element of {@code data.result}, or one {@code [time, "value"]} pair. */
final class SeriesDecoder {
  private SeriesDecoder() {}

  static Series series(JsonNode node) throws BadEnvelopeException {
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode metric = node.get("metric");
    if (metric != null && !metric.isNull()) {
      if (!metric.isObject()) {
        throw new BadEnvelopeException("a series' 'metric' is not an object");
      }
      for (Map.Entry<String, JsonNode> label : metric.properties()) {
        labels.put(label.getKey(), label.getValue().asText());
      }
    }
    List<Sample> samples = new ArrayList<>();
    JsonNode value = node.get("value");
    if (value != null) {
      samples.add(sample(value));
    }
    JsonNode values = node.get("values");
    if (values != null) {
      if (!values.isArray()) {
        throw new BadEnvelopeException("a series' 'values' is not a list");
      }
      for (JsonNode pair : values) {
        samples.add(sample(pair));
      }
    }
    // Native histograms carry no float sample; zonecost's metrics are floats, so skip them.
    boolean histogram = node.has("histogram") || node.has("histograms");
    if (value == null && values == null && !histogram) {
      throw new BadEnvelopeException("a series has neither 'value' nor 'values'");
    }
    return new Series(Collections.unmodifiableMap(labels), List.copyOf(samples));
  }

  static Sample sample(JsonNode pair) throws BadEnvelopeException {
    if (!pair.isArray() || pair.size() != 2) {
      throw new BadEnvelopeException("a sample is not a [time, \"value\"] pair: " + pair);
    }
    return new Sample(millis(pair.get(0)), value(pair.get(1)));
  }

  /** Seconds with a fraction, exactly (1762041600.123 must become ...600123, never ...600122). */
  static long millis(JsonNode time) throws BadEnvelopeException {
    try {
      BigDecimal seconds;
      if (time.isNumber()) {
        seconds = time.decimalValue();
      } else if (time.isTextual()) {
        seconds = new BigDecimal(time.asText());
      } else {
        throw new BadEnvelopeException("a sample time is not a number: " + time);
      }
      return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadEnvelopeException("a sample time is not a usable number: " + time);
    }
  }

  static double value(JsonNode value) throws BadEnvelopeException {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (!value.isTextual()) {
      throw new BadEnvelopeException("a sample value is not a string: " + value);
    }
    return parseValue(value.asText());
  }

  /** Prometheus formats values with Go's strconv: "NaN", "+Inf", "-Inf". */
  static double parseValue(String text) throws BadEnvelopeException {
    switch (text) {
      case "+Inf", "Inf", "+inf", "inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf", "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new BadEnvelopeException("a sample value is not a number: \"" + text + "\"");
        }
    }
  }
}
