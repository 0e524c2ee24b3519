package dev.zonecost.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Replaces every secret zonecost sent with {@code ***} in text a server sends back (error bodies,
 * warnings): some gateways echo the request headers. Built from the configured headers and URL;
 * SigV4 adds its keys and signatures as it signs. Thread-safe.
 */
public final class SecretMasker {
  static final String MASK = "***";
  // Shorter values would mask ordinary words and digits all over a message.
  static final int MIN_LENGTH = 4;
  // Whatever key signed them, signatures and session tokens in an echoed request are secrets.
  private static final Pattern SIGNED =
      Pattern.compile(
          "(?i)(signature=|x-amz-security-token[\"':= ]+|x-amz-signature=)[A-Za-z0-9%/+=_-]+");

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  public static final SecretMasker NONE = new SecretMasker();

  /** The values of {@code headers} and the password of {@code url}. */
  public static SecretMasker of(HttpUrl url, Map<String, String> headers) {
    return of(url, headers, null);
  }

  /** Also the credentials sent to the proxies of {@code proxy} ({@code Proxy-Authorization}). */
  public static SecretMasker of(HttpUrl url, Map<String, String> headers, EnvironmentProxy proxy) {
    SecretMasker masker = new SecretMasker();
    if (proxy != null) {
      proxy.credentials().forEach(masker::addHeader);
    }
    if (url != null) {
      masker.add(url.password());
      masker.add(url.encodedPassword());
    }
    headers.forEach((name, value) -> masker.addHeader(value));
    return masker;
  }

  private void addHeader(String value) {
    add(value);
    int space = value.indexOf(' ');
    if (space < 0) {
      return;
    }
    // "Bearer tok", "Basic dXNlcjpwYXNz": the credential alone, and a basic password decoded.
    String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
    String credential = value.substring(space + 1).strip();
    add(credential);
    if (scheme.equals("basic")) {
      try {
        String pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        add(pair);
        int colon = pair.indexOf(':');
        if (colon >= 0) {
          add(pair.substring(colon + 1));
        }
      } catch (IllegalArgumentException notBase64) {
        // Then the value itself is all there is to hide.
      }
    }
  }

  /** Adds a value to hide; blank and very short values are ignored. */
  void add(String secret) {
    if (this != NONE && secret != null && secret.strip().length() >= MIN_LENGTH) {
      secrets.add(secret.strip());
    }
  }

  /** The text with every known secret replaced by {@code ***}; null stays null. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = SIGNED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    for (String secret : longestFirst) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
