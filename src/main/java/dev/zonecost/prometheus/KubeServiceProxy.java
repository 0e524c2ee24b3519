package dev.zonecost.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * An in-cluster Prometheus reached as kubectl-cost does: through the API server's service proxy
 * ({@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/}), with the server, CA and credentials of
 * a kubeconfig context (a bearer token or a client certificate). Exec and auth-provider plugins
 * would need their programs run here: refused with the port-forward to use instead.
 *
 * @param server the API server's URL from the context's cluster
 * @param caPem the cluster's CA (PEM), or null for the JVM's roots
 * @param clientCertPem the user's client certificate (PEM), or null
 * @param clientKeyPem its private key (PEM, PKCS#8 or PKCS#1 RSA), or null
 */
public record KubeServiceProxy(
    String context,
    HttpUrl server,
    String caPem,
    boolean insecureSkipVerify,
    String token,
    String clientCertPem,
    String clientKeyPem) {

  private static final Pattern SERVICE =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?)/((https?:)?[a-z0-9]([-a-z0-9]*[a-z0-9])?):([A-Za-z0-9-]+)");

  @Override
  public String toString() { // never the token or the key
    return "KubeServiceProxy[context=" + context + ", server=" + server + "]";
  }

  /** The kubeconfig: --kubeconfig, else the first file of $KUBECONFIG, else ~/.kube/config. */
  public static Path locate(String flag, Map<String, String> env) {
    if (flag != null && !flag.isBlank()) {
      return Path.of(flag);
    }
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      for (String p : list.split(":")) {
        if (!p.isBlank() && Files.isRegularFile(Path.of(p))) {
          return Path.of(p);
        }
      }
      return Path.of(list.split(":")[0]);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".kube", "config");
  }

  /** Reads {@code context} (null: the current one) of the kubeconfig {@code file}. */
  public static KubeServiceProxy load(Path file, String context) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UsageException(
          "--prometheus-service reads the kubeconfig "
              + file
              + ", which cannot be read: "
              + e.getMessage()
              + " (name another with --kubeconfig or $KUBECONFIG)");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException("kubeconfig " + file + " is empty or not a kubeconfig");
    }
    String name = context != null ? context : root.path("current-context").asText("");
    if (name.isEmpty()) {
      throw new UsageException(
          "kubeconfig " + file + " has no current-context: pass --context NAME");
    }
    JsonNode ctx = named(root, "contexts", name, "context", file);
    JsonNode cluster = named(root, "clusters", ctx.path("cluster").asText(""), "cluster", file);
    JsonNode user =
        ctx.path("user").asText("").isEmpty()
            ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
            : named(root, "users", ctx.path("user").asText(), "user", file);
    if (user.has("exec") || user.has("auth-provider")) {
      throw new UsageException(
          "kubeconfig context "
              + name
              + " gets its credentials from "
              + (user.has("exec")
                  ? "an exec plugin (" + user.path("exec").path("command").asText("?") + ")"
                  : "an auth-provider")
              + ", which zonecost does not run: port-forward to Prometheus instead, e.g. `kubectl"
              + " port-forward -n monitoring svc/prometheus 9090 &` and --prometheus-url"
              + " http://127.0.0.1:9090");
    }
    HttpUrl server = HttpUrl.parse(cluster.path("server").asText(""));
    if (server == null) {
      throw new UsageException(
          "kubeconfig " + file + ": cluster of context " + name + " has no http(s) server");
    }
    Path dir = file.toAbsolutePath().getParent();
    String token = text(user, "token", null, dir);
    if (token == null && user.has("tokenFile")) {
      token = read(dir, user.path("tokenFile").asText(), file).strip();
    }
    return new KubeServiceProxy(
        name,
        server,
        text(cluster, "certificate-authority-data", "certificate-authority", dir),
        cluster.path("insecure-skip-tls-verify").asBoolean(false),
        token,
        text(user, "client-certificate-data", "client-certificate", dir),
        text(user, "client-key-data", "client-key", dir));
  }

  /** The proxy URL of {@code NS/NAME:PORT} (NAME may carry {@code https:}). */
  public HttpUrl serviceUrl(String service) {
    Matcher m = SERVICE.matcher(service == null ? "" : service.strip());
    if (!m.matches()) {
      throw new UsageException(
          "--prometheus-service '"
              + service
              + "' is not NAMESPACE/SERVICE:PORT, e.g. monitoring/prometheus-operated:9090");
    }
    return server
        .newBuilder()
        .addPathSegments("api/v1/namespaces")
        .addPathSegment(m.group(1))
        .addPathSegment("services")
        .addPathSegment(m.group(3) + ":" + m.group(6))
        .addPathSegment("proxy")
        .addPathSegment("")
        .build();
  }

  /** {@code base} sent to the service's proxy URL with the context's CA and credentials. */
  public PrometheusConfig apply(PrometheusConfig base, String service) {
    HttpUrl url = serviceUrl(service);
    TlsSettings tls =
        new TlsSettings(
            caPem == null ? List.of() : TlsSettings.certificates(caPem),
            null,
            List.of(),
            insecureSkipVerify);
    if (clientCertPem != null && clientKeyPem != null) {
      try {
        tls =
            TlsSettings.withClientCertificate(
                tls, TlsSettings.certificates(clientCertPem), Pkcs8.of(clientKeyPem));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "kubeconfig context " + context + ": its client key: " + e.getMessage());
      }
    }
    Map<String, String> headers = new LinkedHashMap<>(base.extraHeaders());
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return new PrometheusConfig(
        url,
        base.timeout(),
        base.retries(),
        headers,
        base.dns(),
        tls,
        base.proxy(),
        base.allowPartial(),
        base.warningSink(),
        null,
        base.maxResponseBytes());
  }

  private static JsonNode named(JsonNode root, String list, String name, String field, Path file) {
    for (JsonNode e : root.path(list)) {
      if (name.equals(e.path("name").asText())) {
        return e.path(field);
      }
    }
    throw new UsageException(
        "kubeconfig "
            + file
            + " has no "
            + field
            + " named '"
            + name
            + "' (see kubectl config view)");
  }

  /** Base64 data in {@code data}, else the file {@code path} names (relative to the kubeconfig). */
  private static String text(JsonNode node, String data, String path, Path dir) {
    if (node.hasNonNull(data)) {
      String v = node.path(data).asText();
      if (path == null) {
        return v;
      }
      try {
        return new String(Base64.getMimeDecoder().decode(v), StandardCharsets.US_ASCII);
      } catch (IllegalArgumentException e) {
        throw new UsageException("kubeconfig: " + data + " is not base64");
      }
    }
    if (path != null && node.hasNonNull(path)) {
      return read(dir, node.path(path).asText(), dir);
    }
    return null;
  }

  private static String read(Path dir, String name, Path forMessage) {
    Path p = dir.resolve(name);
    try {
      return Files.readString(p, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UsageException("kubeconfig names " + p + ", which cannot be read");
    }
  }
}
