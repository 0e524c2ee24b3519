package dev.zonecost.advise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zonecost.engine.ServiceTopology;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code --verify} sets aside: today's Services file's routing fields, the current hints. */
class VerifyServiceTest {
  @Test
  void todays_services_file_does_not_make_the_earlier_window_already_on() {
    ServiceKey key = new ServiceKey("shop", "api");
    ServiceSpec today = new ServiceSpec(ServiceKind.CLUSTER_IP, "PreferSameZone", "Local", "Auto");
    assertTrue(today.routingOn());
    ServiceSpec off = VerifyService.routingOff(Map.of(key, today)).get(key);
    assertFalse(off.routingOn());
    assertTrue(off.localOnly(), "internalTrafficPolicy still gates");
    assertEquals(ServiceKind.CLUSTER_IP, off.kind());
    assertNull(VerifyService.routingOff(null));
  }

  @Test
  void the_current_window_is_modelled_as_if_no_hint_were_there() {
    ServiceTopology t = AdviseServiceTest.topology();
    assertEquals(Set.of("shop/db"), t.hinted());
    ServiceTopology bare = VerifyService.withoutHints(t);
    assertEquals(Set.of(), bare.hinted());
    assertEquals(t.endpoints(), bare.endpoints());
    assertEquals(t.coverage(), bare.coverage());
    assertEquals(t.timeline(), bare.timeline());
  }
}
