package dev.zonecost.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Converts one element of {@code data.result}, or one {@code [time, "value"]} pair. */
final class SeriesDecoder {
  private SeriesDecoder() {}

  /**
   * Reads one series straight from the parser, positioned on its {@code START_OBJECT}; leaves it on
   * the matching {@code END_OBJECT}. No tree is built: a raw-sample answer holds hundreds of
   * thousands of samples, and a tree per sample costs more than the rest of the decoding.
   */
  static Series read(JsonParser p) throws IOException, BadEnvelopeException {
    String[] names = NO_LABELS;
    String[] values = NO_LABELS;
    int count = 0;
    Sample single = null;
    List<Sample> samples = null;
    boolean histogram = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "metric" -> {
          if (t == JsonToken.VALUE_NULL) {
            break;
          }
          if (t != JsonToken.START_OBJECT) {
            throw new BadEnvelopeException("a series' 'metric' is not an object");
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            // the parser's symbol table holds one copy of each label name
            String name = p.currentName();
            if (p.nextToken().isStructStart()) {
              throw new BadEnvelopeException("a label value is not a string: " + name);
            }
            if (count == names.length) {
              names = Arrays.copyOf(names, Math.max(16, count * 2));
              values = Arrays.copyOf(values, names.length);
            }
            names[count] = name;
            values[count] =
                LabelValues.canonical(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            count++;
          }
        }
        case "value" -> {
          if (samples == null && single == null) {
            single = pair(p);
          } else {
            samples = more(samples, single);
            single = null;
            samples.add(pair(p));
          }
        }
        case "values" -> {
          if (t != JsonToken.START_ARRAY) {
            throw new BadEnvelopeException("a series' 'values' is not a list");
          }
          samples = more(samples, single);
          single = null;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            samples.add(pair(p));
          }
        }
        case "histogram", "histograms" -> {
          // Native histograms carry no float sample; zonecost's metrics are floats, so skip them.
          histogram = true;
          p.skipChildren();
        }
        default -> p.skipChildren();
      }
    }
    if (single == null && samples == null && !histogram) {
      throw new BadEnvelopeException("a series has neither 'value' nor 'values'");
    }
    Labels labels = count == 0 ? Labels.EMPTY : Labels.of(names, values, count);
    return new Series(
        labels,
        single != null ? List.of(single) : samples == null ? List.of() : List.copyOf(samples));
  }

  private static final String[] NO_LABELS = new String[0];

  private static List<Sample> more(List<Sample> samples, Sample single) {
    List<Sample> out = samples == null ? new ArrayList<>() : samples;
    if (single != null) {
      out.add(single);
    }
    return out;
  }

  /** One {@code [time, "value"]} pair, the parser on its {@code START_ARRAY}. */
  private static Sample pair(JsonParser p) throws IOException, BadEnvelopeException {
    List<String> shown = new ArrayList<>();
    String time = null;
    String text = null;
    boolean ok = p.currentToken() == JsonToken.START_ARRAY;
    if (ok) {
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null || t.isStructStart()) {
          ok = false;
          p.skipChildren();
          shown.add("...");
          continue;
        }
        shown.add(t == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText());
        if (shown.size() == 1) {
          time = p.getText();
        } else if (shown.size() == 2) {
          text = p.getText();
        }
      }
    } else {
      p.skipChildren();
    }
    if (!ok || shown.size() != 2) {
      throw new BadEnvelopeException(
          "a sample is not a [time, \"value\"] pair: [" + String.join(",", shown) + "]");
    }
    return new Sample(millis(time), parseValue(text));
  }

  /** Seconds with up to three decimals, exactly; anything else through BigDecimal. */
  static long millis(String seconds) throws BadEnvelopeException {
    int dot = seconds.indexOf('.');
    int fraction = dot < 0 ? 0 : seconds.length() - dot - 1;
    if (fraction <= 3 && seconds.indexOf('e') < 0 && seconds.indexOf('E') < 0) {
      try {
        long whole = Long.parseLong(dot < 0 ? seconds : seconds.substring(0, dot));
        long millis = 0;
        for (int i = 0; i < 3; i++) {
          millis = millis * 10 + (i < fraction ? seconds.charAt(dot + 1 + i) - '0' : 0);
          if (i < fraction && !Character.isDigit(seconds.charAt(dot + 1 + i))) {
            throw new NumberFormatException(seconds);
          }
        }
        return Math.addExact(
            Math.multiplyExact(whole, 1000L), seconds.startsWith("-") ? -millis : millis);
      } catch (NumberFormatException | ArithmeticException e) {
        throw new BadEnvelopeException("a sample time is not a usable number: " + seconds);
      }
    }
    try {
      return new BigDecimal(seconds)
          .movePointRight(3)
          .setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadEnvelopeException("a sample time is not a usable number: " + seconds);
    }
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
