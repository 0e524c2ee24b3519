package dev.zonecost.prometheus;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * AWS Signature Version 4 for Amazon Managed Service for Prometheus (AMP).
 *
 * @param region the workspace's region, e.g. {@code us-east-1}
 * @param service the signing name; {@code aps} for AMP
 * @param credentials where the keys come from (the SDK's default chain in production, static keys
 *     in tests); asked on the first request only
 * @param clock the signing time (tests fix it)
 */
public record SigV4Settings(
    String region, String service, AwsCredentialsProvider credentials, Clock clock) {

  /** The signing name of Amazon Managed Service for Prometheus. */
  public static final String AMP_SERVICE = "aps";

  // https://aps-workspaces.<region>.amazonaws.com/workspaces/<id>/ (also -fips and
  // .amazonaws.com.cn)
  private static final Pattern AMP_HOST =
      Pattern.compile(
          "aps-workspaces(?:-fips)?\\.([a-z]{2}(?:-[a-z]+)+-\\d+)\\.amazonaws\\.com(?:\\.cn)?");

  public SigV4Settings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(credentials, "credentials");
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  /** The region in an AMP endpoint's host name, if it is one. */
  public static Optional<String> regionFromHost(String host) {
    Matcher m = AMP_HOST.matcher(host.toLowerCase(Locale.ROOT));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Names no secret: the credentials provider is left out. */
  @Override
  public String toString() {
    return "sigv4(region=" + region + ", service=" + service + ")";
  }
}
