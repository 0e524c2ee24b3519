package dev.zonecost.prometheus;

import dev.zonecost.common.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;

/**
 * Who the requests say they are, as the user gave it: secret files, never secret values. {@link
 * #headers} turns it into request headers, taking the secrets the environment holds when no flag
 * names a file.
 *
 * @param bearerTokenFile file holding the bearer token, or {@code null}
 * @param basicAuthUser basic auth user, or {@code null}
 * @param basicAuthPasswordFile file holding the basic auth password, or {@code null}
 * @param headers extra headers, each {@code Name: value}
 * @param tenant Mimir/Cortex tenant (X-Scope-OrgID), or {@code null}
 * @param sigv4 whether AWS SigV4 signs the requests (it then owns Authorization)
 */
public record AuthSettings(
    Path bearerTokenFile,
    String basicAuthUser,
    Path basicAuthPasswordFile,
    List<String> headers,
    String tenant,
    boolean sigv4) {
  public static final String TOKEN_ENV = "PROMETHEUS_BEARER_TOKEN";
  public static final String PASSWORD_ENV = "PROMETHEUS_BASIC_AUTH_PASSWORD";

  public AuthSettings {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** Auth, tenant and the user's headers; one source per header name, or a usage error. */
  Map<String, String> headers(Map<String, String> env) {
    Sources out = new Sources();
    for (String h : headers) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? "" : h.substring(0, colon).strip();
      if (name.isEmpty()) {
        // The text may be a secret typed in the wrong shape, so it is not echoed.
        throw new UsageException("--header takes 'Name: value'; one of them has no name or ':'");
      }
      out.put(name, h.substring(colon + 1).strip(), "--header");
    }
    if (tenant != null) {
      out.put("X-Scope-OrgID", tenant.strip(), "--tenant");
    }
    if (sigv4) {
      refuseOtherAuthorization(out);
    }
    if (basicAuthPasswordFile != null && basicAuthUser == null) {
      throw new UsageException("--basic-auth-password-file needs --basic-auth-user");
    }
    if (basicAuthUser != null) {
      String password =
          basicAuthPasswordFile != null
              ? SecretFiles.secret("--basic-auth-password-file", basicAuthPasswordFile)
              : env.get(PASSWORD_ENV);
      if (password == null) {
        throw new UsageException(
            "--basic-auth-user needs a password: --basic-auth-password-file FILE or $"
                + PASSWORD_ENV);
      }
      out.put(
          "Authorization",
          Credentials.basic(basicAuthUser, password, StandardCharsets.UTF_8),
          "--basic-auth-user");
    }
    if (bearerTokenFile != null) {
      String token = SecretFiles.secret("--bearer-token-file", bearerTokenFile);
      out.put("Authorization", "Bearer " + token, "--bearer-token-file");
    } else if (!sigv4 && !out.from.containsKey("authorization")) {
      // The environment is a default: an explicit flag or header (or --sigv4) wins over it.
      String token = env.get(TOKEN_ENV);
      if (token != null && !token.isBlank()) {
        out.put("Authorization", "Bearer " + token.strip(), "$" + TOKEN_ENV);
      }
    }
    return out.values;
  }

  private void refuseOtherAuthorization(Sources out) {
    String other =
        bearerTokenFile != null
            ? "--bearer-token-file"
            : basicAuthUser != null ? "--basic-auth-user" : null;
    if (other != null) {
      throw new UsageException("--sigv4 and " + other + " both set Authorization; keep one");
    }
    for (String name : out.from.keySet()) {
      if (name.equals("authorization") || name.startsWith("x-amz-")) {
        throw new UsageException(
            "--sigv4 sets " + name + " itself; drop the " + out.from.get(name) + " that sets it");
      }
    }
  }

  /** Header values, and which option set each (by lower-case name), to refuse a second one. */
  private static final class Sources {
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> from = new LinkedHashMap<>();

    void put(String name, String value, String option) {
      String earlier = from.putIfAbsent(name.toLowerCase(Locale.ROOT), option);
      if (earlier != null) {
        throw new UsageException(
            "header " + name + " is set twice (" + earlier + " and " + option + "); keep one");
      }
      values.put(name, value);
    }
  }
}
