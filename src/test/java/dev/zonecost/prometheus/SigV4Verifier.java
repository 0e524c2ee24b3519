package dev.zonecost.prometheus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A test-only SigV4 check that shares no code with the SDK: it rebuilds the canonical request from
 * what the server received (method, path, query, the signed headers' values and the body bytes) and
 * recomputes the signature with javax.crypto, following the published algorithm.
 */
public final class SigV4Verifier {
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,"
              + " SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

  /** The parts of an Authorization header. */
  public record Authorization(
      String accessKey,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature) {
    public static Authorization parse(String header) {
      Matcher m = AUTHORIZATION.matcher(header);
      if (!m.matches()) {
        throw new AssertionError("not a SigV4 Authorization header: " + header);
      }
      return new Authorization(
          m.group(1),
          m.group(2),
          m.group(3),
          m.group(4),
          List.of(m.group(5).split(";")),
          m.group(6));
    }
  }

  private SigV4Verifier() {}

  /** The signature the request should carry, computed from what was received. */
  public static String expectedSignature(RecordedRequest request, byte[] body, String secretKey) {
    return expectedSignature(
        request.getMethod(), request.getUrl(), request.getHeaders(), body, secretKey);
  }

  public static String expectedSignature(
      String method, HttpUrl url, Headers headers, byte[] body, String secretKey) {
    Authorization auth = Authorization.parse(headers.get("Authorization"));
    String amzDate = headers.get("X-Amz-Date");
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : auth.signedHeaders()) {
      List<String> values = new ArrayList<>();
      for (String value : headers.values(name)) {
        values.add(value.strip().replaceAll(" +", " "));
      }
      if (values.isEmpty()) {
        throw new AssertionError("signed header " + name + " was not received");
      }
      canonicalHeaders.append(name).append(':').append(String.join(",", values)).append('\n');
    }
    String canonicalRequest =
        String.join(
            "\n",
            method,
            canonicalUri(url),
            canonicalQuery(url),
            canonicalHeaders.toString(),
            String.join(";", auth.signedHeaders()),
            hex(sha256(body)));
    String scope = auth.date() + "/" + auth.region() + "/" + auth.service() + "/aws4_request";
    String stringToSign =
        String.join(
            "\n",
            "AWS4-HMAC-SHA256",
            amzDate,
            scope,
            hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
    byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
    for (String part : List.of(auth.date(), auth.region(), auth.service(), "aws4_request")) {
      key = hmac(key, part);
    }
    return hex(hmac(key, stringToSign));
  }

  /** Every service but S3 encodes the (already encoded) path once more. */
  private static String canonicalUri(HttpUrl url) {
    List<String> segments = new ArrayList<>();
    for (String segment : url.encodedPathSegments()) {
      segments.add(encode(segment));
    }
    return "/" + String.join("/", segments);
  }

  private static String canonicalQuery(HttpUrl url) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      pairs.add(encode(url.queryParameterName(i)) + "=" + encode(value == null ? "" : value));
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
  }
}
