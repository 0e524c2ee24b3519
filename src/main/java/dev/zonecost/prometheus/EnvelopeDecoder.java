package dev.zonecost.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the Prometheus envelope with Jackson's streaming parser and hands each series to the sink
 * as soon as it is read, so memory grows with one series, not with the body. Fields may come in any
 * order (some back ends put {@code status} or {@code warnings} after {@code data}), so the envelope
 * is only judged once the whole body has been read.
 */
final class EnvelopeDecoder {
  // Exact decimals, so timestamps like 1762041600.123 convert to millis without double rounding.
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final JsonParser parser;
  private final Consumer<Series> sink;
  private String status;
  private String resultType;
  private String errorType;
  private String error;
  static final int MAX_TEXTS = 100;
  static final int MAX_TEXT_CHARS = 2000;
  private List<String> warnings = List.of();
  private List<String> infos = List.of();
  private boolean sawData;
  private JsonNode scalarPair; // a scalar's [time, "value"], held until resultType is known
  private double serverSeconds = Double.NaN;

  private EnvelopeDecoder(JsonParser parser, Consumer<Series> sink) {
    this.parser = parser;
    this.sink = sink;
  }

  /**
   * @throws com.fasterxml.jackson.core.JsonProcessingException the body is not JSON or is cut off
   * @throws BadEnvelopeException JSON, but not a usable Prometheus envelope
   * @throws IOException reading the body failed
   */
  static Envelope decode(InputStream body, Consumer<Series> sink)
      throws IOException, BadEnvelopeException {
    try (JsonParser parser = MAPPER.createParser(body)) {
      return new EnvelopeDecoder(parser, sink).envelope();
    }
  }

  private Envelope envelope() throws IOException, BadEnvelopeException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new BadEnvelopeException("the body is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw new BadEnvelopeException("the body is not a JSON object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "status" -> status = text(field);
        case "errorType" -> errorType = text(field);
        case "error" -> error = text(field);
        case "warnings" -> warnings = texts(field);
        case "infos" -> infos = texts(field);
        case "data" -> data();
        default -> parser.skipChildren();
      }
    }
    return finish();
  }

  private void data() throws IOException, BadEnvelopeException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(JsonToken.START_OBJECT, "'data' is not an object");
    sawData = true;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "resultType" -> resultType = text("data.resultType");
        case "result" -> result();
        case "stats" -> stats();
        default -> parser.skipChildren();
      }
    }
  }

  /**
   * Prometheus' {@code stats=all}: {@code {"timings": {"execTotalTime": seconds, ...}, ...}}; any
   * other shape (VictoriaMetrics sends its own) is skipped.
   */
  private void stats() throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken t = parser.nextToken();
      if (!field.equals("timings") || t != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken v = parser.nextToken();
        if (name.equals("execTotalTime") && v.isNumeric()) {
          serverSeconds = parser.getDoubleValue();
        } else {
          parser.skipChildren();
        }
      }
    }
  }

  private void result() throws IOException, BadEnvelopeException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    expect(JsonToken.START_ARRAY, "'data.result' is not a list");
    JsonToken token = parser.nextToken();
    if (token == JsonToken.START_OBJECT) {
      do {
        sink.accept(SeriesDecoder.read(parser));
      } while (parser.nextToken() == JsonToken.START_OBJECT);
      expect(JsonToken.END_ARRAY, "'data.result' mixes series with other values");
    } else if (token != JsonToken.END_ARRAY) {
      // A scalar (or string) result is one [time, value] pair instead of a list of series.
      var pair = MAPPER.getNodeFactory().arrayNode();
      for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null || token.isStructStart()) {
          throw new BadEnvelopeException("'data.result' is neither series nor a [time, value]");
        }
        pair.add((JsonNode) parser.readValueAsTree());
      }
      scalarPair = pair;
    }
  }

  private Envelope finish() throws BadEnvelopeException {
    if (status == null) {
      throw new BadEnvelopeException("it has no 'status'");
    }
    Envelope envelope =
        new Envelope(status, resultType, warnings, infos, errorType, error, serverSeconds);
    if (envelope.isError()) {
      return envelope;
    }
    if (!"success".equals(status)) {
      throw new BadEnvelopeException("unknown status '" + status + "'");
    }
    if (!sawData) {
      throw new BadEnvelopeException("it has no 'data'");
    }
    if (resultType == null) {
      throw new BadEnvelopeException("it has no 'data.resultType'");
    }
    switch (resultType) {
      case "vector", "matrix" -> {
        if (scalarPair != null) {
          throw new BadEnvelopeException("a " + resultType + " result is a single value");
        }
      }
      case "scalar" -> {
        if (scalarPair == null) {
          throw new BadEnvelopeException("the scalar result has no value");
        }
        sink.accept(new Series(Map.of(), List.of(SeriesDecoder.sample(scalarPair))));
      }
      default ->
          throw new BadEnvelopeException(
              "unexpected result type '" + resultType + "' (expected vector, matrix or scalar)");
    }
    return envelope;
  }

  private String text(String field) throws IOException, BadEnvelopeException {
    return switch (parser.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_STRING -> parser.getText();
      default -> throw new BadEnvelopeException("'" + field + "' is not a string");
    };
  }

  private List<String> texts(String field) throws IOException, BadEnvelopeException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    expect(JsonToken.START_ARRAY, "'" + field + "' is not a list");
    List<String> texts = new ArrayList<>();
    long more = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String text = text(field);
      if (text == null) {
        continue;
      }
      // Each one reaches stderr: a few, each of a readable length, say what a million would.
      if (texts.size() < MAX_TEXTS) {
        texts.add(text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) + "…" : text);
      } else {
        more++;
      }
    }
    if (more > 0) {
      texts.add("and " + more + " more " + field + " not shown");
    }
    return List.copyOf(texts);
  }

  private void expect(JsonToken token, String otherwise) throws BadEnvelopeException {
    if (parser.currentToken() != token) {
      throw new BadEnvelopeException(otherwise);
    }
  }
}
