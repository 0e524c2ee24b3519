package dev.zonecost.prometheus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.Route;

/**
 * The proxy settings curl and Go programs (Prometheus, kubectl) read from the environment: {@code
 * HTTPS_PROXY} for https URLs, {@code HTTP_PROXY} for http URLs (upper case first, then lower
 * case), and {@code NO_PROXY}: a comma-separated list of host names, domain suffixes ({@code
 * .example.com} or {@code example.com} match the domain and its subdomains), IP literals, each with
 * an optional {@code :port}, or {@code *}. Loopback hosts are never proxied. Credentials in the
 * proxy URL ({@code http://user:pass@proxy:3128}) are sent as {@code Proxy-Authorization}.
 */
public final class EnvironmentProxy extends ProxySelector {
  private final HttpUrl httpsProxy;
  private final HttpUrl httpProxy;
  private final List<String> noProxy;

  private EnvironmentProxy(HttpUrl httpsProxy, HttpUrl httpProxy, List<String> noProxy) {
    this.httpsProxy = httpsProxy;
    this.httpProxy = httpProxy;
    this.noProxy = noProxy;
  }

  /**
   * @throws IllegalArgumentException when a proxy variable is set but is not an http proxy URL; the
   *     message names the variable, not its value (which may hold a password)
   */
  public static EnvironmentProxy from(Map<String, String> env) {
    List<String> noProxy = new ArrayList<>();
    String no = variable(env, "NO_PROXY");
    if (no != null) {
      for (String entry : no.split(",")) {
        String e = entry.strip().toLowerCase(Locale.ROOT);
        if (!e.isEmpty()) {
          noProxy.add(e);
        }
      }
    }
    return new EnvironmentProxy(
        proxyUrl(env, "HTTPS_PROXY"), proxyUrl(env, "HTTP_PROXY"), List.copyOf(noProxy));
  }

  /** True when no proxy variable is set: the client then connects directly. */
  public boolean isEmpty() {
    return httpsProxy == null && httpProxy == null;
  }

  @Override
  public List<Proxy> select(URI uri) {
    HttpUrl proxy = proxyFor(uri.getScheme(), uri.getHost(), uri.getPort());
    if (proxy == null) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // The client reports the failure itself; there is no other proxy to fall back to.
  }

  HttpUrl proxyFor(String scheme, String host, int port) {
    HttpUrl proxy = "https".equalsIgnoreCase(scheme) ? httpsProxy : httpProxy;
    if (proxy == null || host == null || bypassed(host.toLowerCase(Locale.ROOT), port)) {
      return null;
    }
    return proxy;
  }

  /**
   * Answers the proxy's challenge (and OkHttp's pre-emptive one) with the proxy URL's user info.
   */
  public Authenticator authenticator() {
    return (Route route, Response response) -> {
      if (route == null || response.request().header("Proxy-Authorization") != null) {
        return null; // no route to match, or our credentials were already refused
      }
      HttpUrl proxy = credentialsFor(route.proxy().address());
      if (proxy == null) {
        return null;
      }
      for (Challenge c : response.challenges()) {
        String scheme = c.scheme();
        if (scheme.equalsIgnoreCase("OkHttp-Preemptive") || scheme.equalsIgnoreCase("Basic")) {
          return response
              .request()
              .newBuilder()
              .header(
                  "Proxy-Authorization",
                  Credentials.basic(proxy.username(), proxy.password(), StandardCharsets.UTF_8))
              .build();
        }
      }
      return null;
    };
  }

  /**
   * Every credential zonecost may send to a proxy: the user info of each proxy URL and the {@code
   * Proxy-Authorization} value made of it, for the masker (a proxy may pass the header on, and a
   * server may echo it).
   */
  public List<String> credentials() {
    List<String> out = new ArrayList<>();
    for (HttpUrl p : new HttpUrl[] {httpsProxy, httpProxy}) {
      if (p != null && (!p.username().isEmpty() || !p.password().isEmpty())) {
        out.add(p.password());
        out.add(p.encodedPassword());
        out.add(p.username() + ":" + p.password());
        out.add(Credentials.basic(p.username(), p.password(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private HttpUrl credentialsFor(SocketAddress address) {
    if (!(address instanceof InetSocketAddress a)) {
      return null;
    }
    for (HttpUrl p : new HttpUrl[] {httpsProxy, httpProxy}) {
      if (p != null
          && !p.username().isEmpty()
          && p.host().equalsIgnoreCase(a.getHostString())
          && p.port() == a.getPort()) {
        return p;
      }
    }
    return null;
  }

  private boolean bypassed(String host, int port) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equals("localhost")
        || bare.endsWith(".localhost")
        || bare.matches("127(\\.\\d{1,3}){3}")
        || bare.equals("::1")) {
      return true;
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String name = entry;
      int entryPort = -1;
      int colon = entry.lastIndexOf(':');
      // host:port, but not a bare IPv6 literal
      if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) {
        name = entry.substring(0, colon);
        try {
          entryPort = Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException ignored) {
          continue;
        }
      }
      if (entryPort != -1 && entryPort != port) {
        continue;
      }
      name =
          name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
      String domain = name.startsWith(".") ? name.substring(1) : name;
      if (bare.equals(domain) || bare.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  private static String variable(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static HttpUrl proxyUrl(Map<String, String> env, String name) {
    String value = variable(env, name);
    if (value == null) {
      return null;
    }
    HttpUrl url = HttpUrl.parse(value.contains("://") ? value : "http://" + value);
    if (url == null || !url.scheme().equals("http")) {
      throw new IllegalArgumentException(
          name + " is not an http:// proxy URL (only HTTP proxies are supported)");
    }
    return url;
  }

  /** Proxy host and port only; the user info holds a password. */
  @Override
  public String toString() {
    return "EnvironmentProxy[https="
        + (httpsProxy == null ? "none" : Failures.origin(httpsProxy))
        + ", http="
        + (httpProxy == null ? "none" : Failures.origin(httpProxy))
        + ", noProxy="
        + noProxy
        + "]";
  }
}
