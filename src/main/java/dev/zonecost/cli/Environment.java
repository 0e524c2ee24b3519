package dev.zonecost.cli;

import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What a run gets from outside besides its arguments: the environment variables ({@code
 * PROMETHEUS_URL}, the token variables, the proxies, {@code AWS_REGION}, {@code NO_COLOR}, where
 * the config file is) and, for tests, the AWS keys and signing clock. {@code Main} passes the
 * process environment; nothing else reads it.
 *
 * @param awsCredentials the --sigv4 keys, or {@code null} for the AWS SDK's default chain
 * @param awsClock the --sigv4 signing time, or {@code null} for the system clock
 */
public record Environment(
    Map<String, String> variables, AwsCredentialsProvider awsCredentials, Clock awsClock) {

  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables, null, null);
  }

  /** NO_COLOR set to anything but the empty string (no-color.org). */
  public boolean noColor() {
    String value = variables.get("NO_COLOR");
    return value != null && !value.isEmpty();
  }
}
