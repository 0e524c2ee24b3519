package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeDecoderTest {
  private final List<Series> series = new ArrayList<>();

  private Envelope decode(String json) throws Exception {
    return EnvelopeDecoder.decode(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), series::add);
  }

  @ParameterizedTest
  @CsvSource({
    "1762041600.123, 1762041600123",
    "1762041600, 1762041600000",
    "1762041600.1, 1762041600100",
    "0.001, 1",
    "1762041600.999, 1762041600999"
  })
  void should_convert_fractional_seconds_to_exact_millis(String seconds, long millis)
      throws Exception {
    decode(
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{},\"value\":["
            + seconds
            + ",\"1\"]}]}}");

    assertEquals(millis, series.get(0).samples().get(0).timestampMillis());
  }

  @ParameterizedTest
  @CsvSource({
    "NaN, NaN",
    "+Inf, Infinity",
    "Inf, Infinity",
    "-Inf, -Infinity",
    "1.5e3, 1500.0",
    "-0.25, -0.25",
    "42, 42.0"
  })
  void should_parse_prometheus_sample_values(String text, double expected) throws Exception {
    assertEquals(expected, SeriesDecoder.parseValue(text));
  }

  @Test
  void should_refuse_a_value_that_is_not_a_number() {
    var e = assertThrows(BadEnvelopeException.class, () -> SeriesDecoder.parseValue("many"));

    assertTrue(e.getMessage().contains("\"many\""), e.getMessage());
  }

  @Test
  void should_skip_native_histograms_and_unknown_fields() throws Exception {
    Envelope envelope =
        decode(
            """
            {"status":"success","stats":{"timings":{}},"data":{"resultType":"vector","result":[
              {"metric":{"le":"x"},"histogram":[1,{"count":"3","buckets":[]}]},
              {"metric":{"a":"b"},"value":[1,"2"],"extra":[1,2,3]}
            ],"analysis":{}}}
            """);

    assertEquals("vector", envelope.resultType());
    assertEquals(List.of(), series.get(0).samples());
    assertEquals(List.of(new Sample(1000, 2)), series.get(1).samples());
  }

  @Test
  void should_accept_result_before_result_type_for_a_scalar() throws Exception {
    decode(
        "{\"data\":{\"result\":[1762041600.5,\"3\"],\"resultType\":\"scalar\"},"
            + "\"status\":\"success\"}");

    assertEquals(List.of(new Series(Map.of(), List.of(new Sample(1762041600500L, 3)))), series);
  }

  @Test
  void should_return_an_error_envelope_without_data() throws Exception {
    Envelope envelope =
        decode("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}");

    assertTrue(envelope.isError());
    assertEquals("bad_data", envelope.errorType());
    assertEquals("parse error", envelope.error());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"data\":{\"resultType\":\"vector\",\"result\":[]}} | it has no 'status'",
        "{\"status\":\"success\"} | it has no 'data'",
        "{\"status\":\"success\",\"data\":{\"result\":[]}} | it has no 'data.resultType'",
        "{\"status\":\"maybe\",\"data\":{}} | unknown status 'maybe'",
        "[1,2] | the body is not a JSON object",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}"
            + " | a series has neither 'value' nor 'values'",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
            + "[{\"values\":[[1]]}]}} | a sample is not a [time, \"value\"] pair: [1]"
      })
  void should_name_what_is_wrong_with_an_envelope(String json, String problem) {
    var e = assertThrows(BadEnvelopeException.class, () -> decode(json));

    assertEquals(problem, e.getMessage());
  }
}
