package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Label values decoded from different answers share one copy (the scale-4 report's memory). */
class SeriesDecoderCanonicalTest {
  @Test
  void equal_label_values_are_one_object() {
    String a = new String("retina-ip-10-0-1-16.ec2.internal".toCharArray());
    String b = new String("retina-ip-10-0-1-16.ec2.internal".toCharArray());
    assertEquals(a, b);
    assertSame(SeriesDecoder.canonical(a), SeriesDecoder.canonical(b));
  }
}
