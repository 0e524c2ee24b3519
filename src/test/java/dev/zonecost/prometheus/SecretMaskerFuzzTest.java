package dev.zonecost.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz of the masker: random secrets, sent the ways zonecost sends them, echoed back through
 * the encodings and truncations a server or gateway may apply. Nothing printed may hold 8
 * consecutive characters of a secret, read directly, percent-decoded or base64-decoded.
 */
class SecretMaskerFuzzTest {
  private static final int RUN = 8;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=!$@";
  private static final Pattern BASE64ISH = Pattern.compile("[A-Za-z0-9+/_-]{8,}");

  @Test
  void should_leave_no_eight_character_run_of_a_secret_in_any_encoding() {
    Random random = new Random(29);
    for (int round = 0; round < 3000; round++) {
      String secret = randomSecret(random);
      String user = "user" + random.nextInt(100);
      Map<String, String> headers = new LinkedHashMap<>();
      HttpUrl url = HttpUrl.get("http://prometheus.example:9090/");
      EnvironmentProxy proxy = null;
      String sent;
      switch (random.nextInt(5)) {
        case 0 -> {
          headers.put("Authorization", "Bearer " + secret);
          sent = "Authorization: Bearer " + secret;
        }
        case 1 -> {
          String basic = Credentials.basic(user, secret, StandardCharsets.UTF_8);
          headers.put("Authorization", basic);
          sent = "Authorization: " + basic;
        }
        case 2 -> {
          headers.put("X-Api-Key", secret);
          sent = "X-Api-Key: " + secret;
        }
        case 3 -> {
          url = url.newBuilder().username(user).password(secret).build();
          sent = "Authorization: " + Credentials.basic(user, secret, StandardCharsets.UTF_8);
        }
        default -> {
          proxy =
              EnvironmentProxy.from(
                  Map.of(
                      "HTTP_PROXY",
                      "http://"
                          + user
                          + ":"
                          + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                          + "@proxy.example:3128"));
          sent = "Proxy-Authorization: " + Credentials.basic(user, secret, StandardCharsets.UTF_8);
        }
      }
      SecretMasker masker = SecretMasker.of(url, headers, proxy);
      String echoed = "POST /api/v1/query HTTP/1.1\nHost: prometheus.example\n" + sent + "\n";
      List<String> steps = new ArrayList<>();
      String served = serverEncoding(echoed, random, steps);
      String printed = masker.mask("gateway says: " + served + " (request id 42)");
      String leak = leak(printed, secret);
      if (leak != null) {
        fail(
            "round "
                + round
                + ": "
                + steps
                + " of a secret "
                + secret
                + " left "
                + leak
                + " in: "
                + printed);
      }
    }
  }

  @Test
  void should_keep_ordinary_server_text() {
    SecretMasker masker =
        SecretMasker.of(
            HttpUrl.get("http://u:pa55word-x@prometheus.example:9090/"),
            Map.of("Authorization", "Bearer tok-3x4mpl3-s3cr3t"));
    String text =
        "1:5: parse error: unexpected character inside braces: '!' — query processing would load"
            + " too many samples into memory in query execution";
    assertEquals(text, masker.mask(text));
  }

  private static String randomSecret(Random random) {
    int length = RUN + random.nextInt(40);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /**
   * Up to three of: percent-encoding, a case change, base64 of the whole or a prefix, a cut; base64
   * at most once (a gateway that base64-encodes what it already base64-encoded is not one we know).
   */
  private static String serverEncoding(String text, Random random, List<String> steps) {
    String out = text;
    int count = 1 + random.nextInt(3);
    boolean base64 = false;
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(8);
      if (kind >= 4 && kind <= 6) {
        if (base64) {
          kind = 7;
        }
        base64 = true;
      }
      steps.add(
          List.of(
                  "percent",
                  "percent-lower",
                  "lower",
                  "upper",
                  "base64",
                  "base64-prefix",
                  "base64url",
                  "truncate")
              .get(kind));
      out =
          switch (kind) {
            case 0 -> URLEncoder.encode(out, StandardCharsets.UTF_8);
            case 1 -> lowerHex(URLEncoder.encode(out, StandardCharsets.UTF_8).replace("+", "%20"));
            case 2 -> out.toLowerCase(Locale.ROOT);
            case 3 -> out.toUpperCase(Locale.ROOT);
            case 4 -> b64(out);
            case 5 -> b64(out.substring(0, random.nextInt(out.length() + 1)));
            case 6 ->
                Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(out.getBytes(StandardCharsets.UTF_8));
            default -> out.substring(0, random.nextInt(out.length() + 1));
          };
    }
    return out;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String lowerHex(String encoded) {
    Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
    return m.replaceAll(r -> r.group().toLowerCase(Locale.ROOT));
  }

  /** A run of 8 characters of the secret in the text or in what it decodes to, else null. */
  static String leak(String printed, String secret) {
    Set<String> runs = new LinkedHashSet<>();
    String lower =
        new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    for (int i = 0; i + RUN <= lower.length(); i++) {
      runs.add(lower.substring(i, i + RUN));
    }
    Set<String> views = new LinkedHashSet<>();
    views.add(printed);
    for (int depth = 0; depth < 4; depth++) {
      Set<String> next = new LinkedHashSet<>();
      for (String view : views) {
        next.add(view);
        next.add(percentDecoded(view));
        Matcher m = BASE64ISH.matcher(view);
        while (m.find()) {
          String token = m.group().replace('-', '+').replace('_', '/');
          for (int offset = 0; offset < 4 && offset < token.length(); offset++) {
            String t = token.substring(offset);
            t = t.substring(0, t.length() - t.length() % 4);
            try {
              next.add(new String(Base64.getDecoder().decode(t), StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException ignored) {
              // not base64 at this offset
            }
          }
        }
      }
      views = next;
    }
    for (String view : views) {
      String v = view.toLowerCase(Locale.ROOT);
      for (String run : runs) {
        if (v.contains(run)) {
          return run;
        }
      }
    }
    return null;
  }

  private static String percentDecoded(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void should_mask_the_issue_s_examples() {
    String basic = Credentials.basic("alice", "pa55w0rd-secret");
    SecretMasker masker =
        SecretMasker.of(
            HttpUrl.get("http://prometheus.example:9090/"),
            Map.of("Authorization", basic, "X-Token", "Bearer-not-a-scheme"));
    String credential = basic.substring("Basic ".length());
    String percent = URLEncoder.encode(credential, StandardCharsets.UTF_8);
    String out =
        masker.mask(
            "echo: Authorization%3A%20Basic%20" + percent + " and " + credential.substring(0, 10));
    assertFalse(out.contains(credential.substring(0, 8)), out);
    // Whatever their value, shapes that carry secrets.
    SecretMasker none = SecretMasker.of(HttpUrl.get("http://p.example/"), Map.of());
    for (String shape :
        List.of(
            "X-Amz-Signature%3D0123456789abcdef0123",
            "Signature=0123456789abcdef0123",
            "authorization: bearer abcdefgh12345678",
            "Proxy-Authorization: Basic dXNlcjpzM2NyM3Rwdw==",
            "x-amz-security-token: IQoJb3JpZ2luX2VjEJr",
            "?access_token=ya29.a0AfH6SMBx&x=1",
            "{\\\"authorization\\\":\\\"Bearer eyJhbGciOiJ\\\"}")) {
      String masked = none.mask(shape);
      assertFalse(
          masked.matches("(?s).*[0-9a-zA-Z]{8}.*[0-9a-zA-Z]{8}.*") && !masked.contains("***"),
          masked);
      assertFalse(
          masked.contains("0123456789")
              || masked.contains("abcdefgh1")
              || masked.contains("dXNlcjpz")
              || masked.contains("IQoJb3Jp")
              || masked.contains("ya29.a0A")
              || masked.contains("eyJhbGci"),
          shape + " -> " + masked);
    }
  }
}
