package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.prometheus.AuthSettings;
import dev.zonecost.prometheus.ConnectionSettings.SigV4Request;
import dev.zonecost.prometheus.SigV4Settings;
import dev.zonecost.prometheus.TlsFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Auth and TLS flags. Secrets come from files or the environment, never from a flag's value (which
 * {@code ps} shows), and are never printed.
 */
public final class AuthOptions {
  @Option(
      names = "--bearer-token-file",
      paramLabel = "FILE",
      description =
          "Send 'Authorization: Bearer' with the token in FILE (default: $"
              + AuthSettings.TOKEN_ENV
              + ").")
  Path bearerTokenFile;

  @Option(
      names = "--basic-auth-user",
      paramLabel = "USER",
      description = "Basic auth user; the password comes from --basic-auth-password-file.")
  String basicAuthUser;

  @Option(
      names = "--basic-auth-password-file",
      paramLabel = "FILE",
      description =
          "Basic auth password, read from FILE (default: $" + AuthSettings.PASSWORD_ENV + ").")
  Path basicAuthPasswordFile;

  @Option(
      names = "--header",
      paramLabel = "'NAME: VALUE'",
      description = "Extra request header; repeatable. Values are never printed.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--tenant",
      paramLabel = "ID",
      description = "Mimir/Cortex tenant, sent as X-Scope-OrgID ('a|b' queries several).")
  String tenant;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "Trust only the CA certificates in this PEM file for https:// URLs.")
  Path caFile;

  @Option(
      names = "--client-cert",
      paramLabel = "PEM",
      description =
          "Client certificate for mutual TLS (then any intermediates); needs --client-key.")
  Path clientCert;

  @Option(
      names = "--client-key",
      paramLabel = "PEM",
      description = "The client certificate's private key, PKCS#8 PEM (BEGIN PRIVATE KEY).")
  Path clientKey;

  @Option(
      names = "--insecure-skip-tls-verify",
      description = "Do not check the server's certificate (test setups only; prints a warning).")
  boolean insecureSkipTlsVerify;

  @Option(
      names = "--sigv4",
      description =
          "Sign requests with AWS SigV4 (Amazon Managed Prometheus); keys from the AWS default"
              + " chain: environment, web identity (IRSA), profile, EKS Pod Identity or ECS task"
              + " role, EC2 instance role.")
  boolean sigv4;

  @Option(
      names = "--aws-region",
      paramLabel = "REGION",
      description =
          "Region for --sigv4 (default: from an aps-workspaces.REGION.amazonaws.com URL, else $"
              + SigV4Request.REGION_ENV
              + ").")
  String awsRegion;

  @Option(
      names = "--aws-service",
      paramLabel = "NAME",
      description = "Signing name for --sigv4 (default: " + SigV4Settings.AMP_SERVICE + ").")
  String awsService;

  AuthSettings auth() {
    return new AuthSettings(
        bearerTokenFile, basicAuthUser, basicAuthPasswordFile, headers, tenant, sigv4);
  }

  TlsFiles tls() {
    return new TlsFiles(caFile, clientCert, clientKey, insecureSkipTlsVerify);
  }

  SigV4Request sigv4(Environment env) {
    if (!sigv4) {
      if (awsRegion != null || awsService != null) {
        throw new UsageException("--aws-region and --aws-service need --sigv4");
      }
      return null;
    }
    return new SigV4Request(awsRegion, awsService, env.awsCredentials(), env.awsClock());
  }
}
