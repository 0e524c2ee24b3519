package dev.zonecost.prometheus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * Replaces every secret zonecost sent with {@code ***} in text a server sends back (error bodies,
 * warnings): some gateways echo the request headers, and not always verbatim. Built from the
 * configured headers, the URL and the proxies' credentials; SigV4 adds its keys as it signs.
 * Thread-safe.
 *
 * <p>Two layers. First, shapes that carry a secret whatever its value ({@code Authorization:} and
 * {@code Proxy-Authorization:} lines, bearer tokens, {@code Signature=}, {@code
 * X-Amz-Security-Token}, {@code access_token=}, …), also percent-encoded. Second, the known secrets
 * in every encoding a server may apply: any run of {@value #RUN} or more characters of a secret, of
 * its percent-encoding or of its base64 (at each of the three byte alignments, standard and URL
 * alphabet), compared without regard to case, in the text as it is and percent-decoded (once,
 * twice, three times). A run rather than the whole value, so a truncated echo or the base64 of a
 * prefix is masked too.
 */
public final class SecretMasker {
  static final String MASK = "***";
  // Shorter values would mask ordinary words and digits all over a message.
  static final int MIN_LENGTH = 4;
  // The shortest run of a secret that is masked wherever it appears; shorter secrets are masked
  // only whole.
  static final int RUN = 8;
  // Schemes of an Authorization value: only the credential after them is the secret.
  private static final Set<String> SCHEMES =
      Set.of("bearer", "basic", "token", "negotiate", "digest", "aws4-hmac-sha256");
  // A separator, plain or percent-encoded, possibly inside (escaped) JSON quotes.
  private static final String SEP =
      "(?:[\\\\\"']*\\s*[:=]\\s*[\\\\\"']*|%3[AD](?:%20|\\+|%22)*|%253[AD](?:%2520)*)";
  // A value: up to whitespace, a quote or a list separator, plain or percent-encoded.
  private static final String VALUE =
      "(?:[^\\s\"',;&<>\\\\%*]|%(?!0[AD]|20|22|2C|26|3B|5C)[0-9A-F]{2})+";
  private static final String SPACE = "(?:\\s+|%20|\\+|%2520)";
  private static final List<Pattern> SHAPES =
      List.of(
          // Authorization: Basic dXNl… — the scheme stays, the credential goes.
          Pattern.compile(
              "(?i)((?:proxy-)?authorization" + SEP + "(?:[a-z0-9-]+" + SPACE + ")?)" + VALUE),
          Pattern.compile("(?i)(\\bbearer" + SPACE + ")(?=[^\\s*]{8})" + VALUE),
          Pattern.compile(
              "(?i)((?:x-amz-signature|signature|x-amz-security-token|x-amz-credential|credential"
                  + "|access_token|id_token|refresh_token|client_secret|password|passwd"
                  + "|api[_-]?key)"
                  + SEP
                  + ")"
                  + VALUE));

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private volatile Known known = new Known(0, Set.of(), List.of());

  public static final SecretMasker NONE = new SecretMasker();

  /** What to look for, derived from {@link #secrets} when it grows. */
  private record Known(int size, Set<String> runs, List<String> whole) {}

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
    if (url != null && !url.password().isEmpty()) {
      masker.add(url.password());
      masker.add(url.encodedPassword());
      masker.addHeader(Credentials.basic(url.username(), url.password(), StandardCharsets.UTF_8));
    }
    headers.forEach((name, value) -> masker.addHeader(value));
    return masker;
  }

  private void addHeader(String value) {
    int space = value.indexOf(' ');
    String scheme = space < 0 ? "" : value.substring(0, space).toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      add(value);
      return;
    }
    // "Bearer tok", "Basic dXNlcjpwYXNz": the credential alone (the scheme is an ordinary word),
    // and a basic password decoded.
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

  /** The text with every known secret and secret-bearing shape masked; null stays null. */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (Pattern shape : SHAPES) {
      out = shape.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
    Known k = known();
    if (k.runs().isEmpty() && k.whole().isEmpty()) {
      return out;
    }
    boolean[] hidden = new boolean[out.length()];
    View view = View.of(out);
    for (int decoded = 0; view != null && decoded < 4; decoded++) {
      view.mark(k, hidden);
      view = view.percentDecoded();
    }
    StringBuilder masked = new StringBuilder(out.length());
    for (int i = 0; i < out.length(); i++) {
      if (!hidden[i]) {
        masked.append(out.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        masked.append(MASK);
      }
    }
    return masked.toString();
  }

  private Known known() {
    Known k = known;
    if (k.size() == secrets.size()) {
      return k;
    }
    synchronized (this) {
      List<String> all = List.copyOf(secrets);
      Set<String> runs = new HashSet<>();
      List<String> whole = new ArrayList<>();
      for (String secret : all) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(secret, latin1(secret), encoded));
        // base64 is case-sensitive: of the value as sent and as a gateway may have changed it.
        for (String form : List.of(secret, encoded, encoded.replace("+", "%20"))) {
          for (String cased :
              new HashSet<>(
                  List.of(form, form.toLowerCase(Locale.ROOT), form.toUpperCase(Locale.ROOT)))) {
            forms.addAll(base64Cores(cased.getBytes(StandardCharsets.UTF_8)));
          }
        }
        for (String form : forms) {
          String f = lower(form);
          if (f.length() < RUN) {
            if (form == secret) {
              whole.add(f);
            }
            continue;
          }
          for (int i = 0; i + RUN <= f.length(); i++) {
            runs.add(f.substring(i, i + RUN));
          }
        }
      }
      k = new Known(all.size(), Set.copyOf(runs), List.copyOf(whole));
      known = k;
      return k;
    }
  }

  /**
   * The base64 of the value wherever it starts in the encoded text: for each alignment (0, 1 or 2
   * bytes before it in its group) the characters that depend on the value alone.
   */
  private static List<String> base64Cores(byte[] value) {
    List<String> cores = new ArrayList<>();
    for (int skew = 0; skew < 3; skew++) {
      byte[] padded = new byte[skew + value.length];
      System.arraycopy(value, 0, padded, skew, value.length);
      String encoded = Base64.getEncoder().encodeToString(padded);
      int complete = padded.length / 3 * 4;
      int from = skew == 0 ? 0 : 4;
      if (complete > from) {
        String core = encoded.substring(from, complete);
        cores.add(core);
        cores.add(core.replace('+', '-').replace('/', '_'));
      }
    }
    return cores;
  }

  /** The UTF-8 bytes as characters, as a percent-decoded view shows them. */
  private static String latin1(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Lower case char by char, so indexes stay those of the text. */
  private static String lower(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** The text, or a decoding of it, with each character's span in the original text. */
  private record View(String text, int[] from, int[] to) {
    static View of(String text) {
      int[] from = new int[text.length()];
      int[] to = new int[text.length()];
      for (int i = 0; i < from.length; i++) {
        from[i] = i;
        to[i] = i + 1;
      }
      return new View(lower(text), from, to);
    }

    /** %XX as one character (a byte); null when there is nothing to decode. */
    View percentDecoded() {
      StringBuilder out = new StringBuilder(text.length());
      int[] f = new int[text.length()];
      int[] t = new int[text.length()];
      int n = 0;
      boolean changed = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '%'
            && i + 2 < text.length()
            && Character.digit(text.charAt(i + 1), 16) >= 0
            && Character.digit(text.charAt(i + 2), 16) >= 0) {
          out.append(
              Character.toLowerCase(
                  (char)
                      (Character.digit(text.charAt(i + 1), 16) * 16
                          + Character.digit(text.charAt(i + 2), 16))));
          f[n] = from[i];
          t[n] = to[i + 2];
          i += 2;
          changed = true;
        } else {
          out.append(c);
          f[n] = from[i];
          t[n] = to[i];
        }
        n++;
      }
      if (!changed) {
        return null;
      }
      int[] fromN = new int[n];
      int[] toN = new int[n];
      System.arraycopy(f, 0, fromN, 0, n);
      System.arraycopy(t, 0, toN, 0, n);
      return new View(out.toString(), fromN, toN);
    }

    void mark(Known known, boolean[] hidden) {
      for (int i = 0; i + RUN <= text.length(); i++) {
        if (known.runs().contains(text.substring(i, i + RUN))) {
          hide(i, i + RUN, hidden);
        }
      }
      for (String whole : known.whole()) {
        for (int i = text.indexOf(whole); i >= 0; i = text.indexOf(whole, i + 1)) {
          hide(i, i + whole.length(), hidden);
        }
      }
    }

    private void hide(int start, int end, boolean[] hidden) {
      for (int i = from[start]; i < to[end - 1]; i++) {
        hidden[i] = true;
      }
    }
  }
}
