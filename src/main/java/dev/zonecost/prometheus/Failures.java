package dev.zonecost.prometheus;

import dev.zonecost.common.TerminalText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * Turns transport failures and odd answers into one-line messages that say what to do. Messages
 * show URLs only through {@link #display}, so query strings and credentials never leak.
 */
final class Failures {
  private Failures() {}

  /** scheme://host:port/path — no user info, no query string. */
  static String display(HttpUrl url) {
    return origin(url) + url.encodedPath();
  }

  /** scheme://host:port */
  static String origin(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.scheme() + "://" + host + ":" + url.port();
  }

  /** Go-style durations as users type them for --timeout: 300ms, 1.5s, 2m0s, 1h0m0s. */
  static String readable(Duration d) {
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + "ms";
    }
    String seconds =
        BigDecimal.valueOf(d.toSecondsPart() * 1000L + d.toMillisPart(), 3)
                .stripTrailingZeros()
                .toPlainString()
            + "s";
    if (d.toHours() > 0) {
      return d.toHours() + "h" + d.toMinutesPart() + "m" + seconds;
    }
    return d.toMinutesPart() > 0 ? d.toMinutesPart() + "m" + seconds : seconds;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** An attempt failed before an answer arrived (or while it was read). */
  static BackendException transport(IOException e, HttpUrl base, Duration timeout) {
    String server = display(base);
    if (e instanceof UnknownHostException) {
      return new BackendUnreachableException(
          "cannot resolve host "
              + base.host()
              + " of "
              + server
              + " — check --prometheus-url and DNS",
          e);
    }
    if (e instanceof ConnectException) {
      return new BackendUnreachableException(
          "cannot connect to "
              + server
              + ": connection refused — is Prometheus running and is --prometheus-url right?",
          e);
    }
    if (e instanceof SSLException) {
      return new BackendUnreachableException(
          "TLS handshake with "
              + server
              + " failed: "
              + oneLine(e.getMessage())
              + " — check the https:// URL and the CA file",
          e);
    }
    if (e instanceof InterruptedIOException) {
      // SocketTimeoutException (connect/read) and OkHttp's call timeout both land here.
      return new BackendTimeoutException(
          "Prometheus at "
              + server
              + " did not answer within "
              + readable(timeout)
              + " (raise --timeout)",
          e);
    }
    return new BackendUnreachableException(
        "lost the connection to " + server + ": " + oneLine(String.valueOf(e.getMessage())), e);
  }

  /** 401/403, with or without a JSON body: the hint about credentials is the point. */
  static BackendException refused(int code, HttpUrl base, String serverSaid) {
    String said =
        serverSaid == null || serverSaid.isBlank()
            ? ""
            : ": " + oneLine(TerminalText.escape(serverSaid));
    return new BackendException(
        "Prometheus at "
            + display(base)
            + " refused the credentials (HTTP "
            + code
            + said
            + ") — check the token, password or tenant");
  }

  /** What the user sees while zonecost waits to retry. */
  static String waiting(int code, String retryAfter, long millis, int retry, int retries) {
    String asked =
        retryAfter == null || retryAfter.isBlank()
            ? ""
            : ", Retry-After " + oneLine(TerminalText.escape(retryAfter));
    String capped = millis >= RetryPolicy.RETRY_AFTER_CAP_MILLIS ? ", capped" : "";
    return status(code)
        + " (HTTP "
        + code
        + asked
        + "): waiting "
        + readable(Duration.ofMillis(millis))
        + capped
        + " before retry "
        + retry
        + " of "
        + retries;
  }

  private static String status(int code) {
    return switch (code) {
      case 429 -> "rate limited";
      case 502, 504 -> "gateway error";
      default -> "unavailable";
    };
  }

  /** A non-2xx answer without a Prometheus error envelope: a proxy, an auth gate, a wrong path. */
  static BackendException notTheApi(int code, MediaType type, HttpUrl base, HttpUrl endpoint) {
    if (code == 401 || code == 403) {
      return refused(code, base, null);
    }
    if (code == 429 || code == 503) {
      return new BackendException(
          "Prometheus at "
              + display(base)
              + (code == 429 ? " is rate limiting zonecost" : " is unavailable")
              + " (HTTP "
              + code
              + ") after every retry — try again later"
              + (code == 429 ? ", or lower --parallelism" : "")
              + " or raise --retries");
    }
    if (code == 404) {
      return new BackendException(
          origin(base)
              + " has no Prometheus API at "
              + display(endpoint)
              + " (HTTP 404) — check the path prefix in --prometheus-url");
    }
    String what = type == null ? "a body that is not JSON" : type.type() + "/" + type.subtype();
    return new MalformedResponseException(
        "Prometheus at "
            + display(endpoint)
            + " answered HTTP "
            + code
            + " with "
            + what
            + ", not the Prometheus API JSON — check --prometheus-url and any proxy in between");
  }

  /**
   * A redirect zonecost does not follow: to another origin, without a location, or one that would
   * turn the POST into a GET. Names where it pointed, and the base URL to use when the endpoint's
   * path is recognisable in it.
   */
  static BackendException redirected(int code, HttpUrl base, HttpUrl from, HttpUrl to) {
    if (to == null) {
      return new BackendException(
          "Prometheus at "
              + display(from)
              + " answered with a redirect (HTTP "
              + code
              + ") without a Location — check --prometheus-url");
    }
    String why =
        origin(to).equals(origin(from))
            ? "it would turn the query's POST into a GET"
            : "it leads to another origin, where zonecost does not send your credentials and headers";
    String fromPath = from.encodedPath();
    String basePath = base.encodedPath();
    String endpoint = fromPath.startsWith(basePath) ? fromPath.substring(basePath.length()) : "";
    String toPath = to.encodedPath();
    String suggestion =
        !endpoint.isEmpty() && toPath.endsWith(endpoint)
            ? origin(to) + toPath.substring(0, toPath.length() - endpoint.length())
            : display(to);
    return new BackendException(
        "Prometheus at "
            + display(from)
            + " redirected to "
            + display(to)
            + " (HTTP "
            + code
            + "), which zonecost does not follow: "
            + why
            + " — if that is the right server, use --prometheus-url "
            + suggestion);
  }

  static MalformedResponseException malformed(int code, HttpUrl endpoint, String detail) {
    return new MalformedResponseException(
        "Prometheus at "
            + display(endpoint)
            + " answered HTTP "
            + code
            + " with a body zonecost cannot read: "
            + oneLine(detail)
            + " — is this a Prometheus-compatible API?");
  }
}
