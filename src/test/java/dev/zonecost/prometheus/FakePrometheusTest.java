package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FakePrometheusTest {
  @Test
  void should_answer_by_query_and_fail_on_a_stub_never_asked() {
    FakePrometheus api = new FakePrometheus().number("up", 1).number("absent(up)", 0);
    assertEquals(1, api.query("up", Instant.EPOCH).series().size());
    assertTrue(api.query("other", Instant.EPOCH).series().isEmpty(), "unknown queries are empty");
    AssertionError e = assertThrows(AssertionError.class, api::assertEveryStubAsked);
    assertTrue(e.getMessage().contains("absent(up)"), e.getMessage());
    api.query("absent(up)", Instant.EPOCH);
    api.assertEveryStubAsked();
  }
}
