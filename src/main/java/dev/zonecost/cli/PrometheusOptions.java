package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.prometheus.EnvironmentProxy;
import dev.zonecost.prometheus.PrometheusClient;
import dev.zonecost.prometheus.PrometheusConfig;
import dev.zonecost.prometheus.SigV4Settings;
import dev.zonecost.prometheus.TlsSettings;
import dev.zonecost.prometheus.WarningSink;
import dev.zonecost.time.TimeParsing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * How to reach the Prometheus-compatible API: URL, limits, auth, TLS, proxies. Secrets come from
 * files or the environment, never from a flag's value (which {@code ps} shows), and are never
 * printed.
 */
public final class PrometheusOptions {
  static final String TOKEN_ENV = "PROMETHEUS_BEARER_TOKEN";
  static final String PASSWORD_ENV = "PROMETHEUS_BASIC_AUTH_PASSWORD";
  static final String REGION_ENV = "AWS_REGION";
  static final String WARNING_PREFIX = "zonecost: warning from Prometheus: ";
  static final String INFO_PREFIX = "zonecost: info from Prometheus: ";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The process environment; tests put their own here. */
  Map<String, String> environment = System.getenv();

  /**
   * --sigv4 credentials; {@code null} means the SDK's default chain. Tests put static keys here.
   */
  AwsCredentialsProvider awsCredentials;

  /** --sigv4 signing time; {@code null} means the system clock. */
  Clock awsClock;

  @Option(
      names = "--prometheus-url",
      paramLabel = "URL",
      description =
          "Prometheus-compatible API base URL, with any path prefix (default: $PROMETHEUS_URL).")
  String url;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "2m",
      description = "Timeout of each request (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Retries on 429/502/503/504 and dropped connections (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Queries in flight at once; 6 lets a report's six queries run together (default:"
              + " ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--bearer-token-file",
      paramLabel = "FILE",
      description =
          "Send 'Authorization: Bearer' with the token in FILE (default: $" + TOKEN_ENV + ").")
  Path bearerTokenFile;

  @Option(
      names = "--basic-auth-user",
      paramLabel = "USER",
      description = "Basic auth user; the password comes from --basic-auth-password-file.")
  String basicAuthUser;

  @Option(
      names = "--basic-auth-password-file",
      paramLabel = "FILE",
      description = "Basic auth password, read from FILE (default: $" + PASSWORD_ENV + ").")
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
              + REGION_ENV
              + ").")
  String awsRegion;

  @Option(
      names = "--aws-service",
      paramLabel = "NAME",
      description = "Signing name for --sigv4 (default: " + SigV4Settings.AMP_SERVICE + ").")
  String awsService;

  @Option(
      names = "--allow-partial",
      description =
          "Let Thanos answer from the stores it reached (default: partial_response=false).")
  boolean allowPartial;

  public PrometheusClient client() {
    PrometheusConfig config = config();
    PrintWriter err = err();
    if (insecureSkipTlsVerify) {
      err.println(
          "zonecost: warning: --insecure-skip-tls-verify: the certificate of "
              + config.baseUrl().host()
              + " is not checked, so anyone on the path can read and change the answers");
    }
    if (verbose()) {
      err.println("zonecost: " + config);
    }
    err.flush();
    try {
      return new PrometheusClient(config);
    } catch (IllegalArgumentException badHeader) {
      // The client's own message names the header, never its value.
      throw new UsageException("--header: " + badHeader.getMessage(), badHeader);
    }
  }

  public int parallelism() {
    return parallelism;
  }

  PrometheusConfig config() {
    if (url == null || url.isBlank()) {
      throw new UsageException(
          "no Prometheus to ask: pass --prometheus-url URL or set PROMETHEUS_URL");
    }
    HttpUrl base = HttpUrl.parse(url.trim());
    if (base == null) {
      throw new UsageException(
          "--prometheus-url is not an http(s) URL, e.g. http://127.0.0.1:9090");
    }
    if (retries < 0 || parallelism < 1) {
      throw new UsageException("--retries must be 0 or more and --parallelism 1 or more");
    }
    EnvironmentProxy proxy;
    try {
      proxy = EnvironmentProxy.from(environment);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return new PrometheusConfig(
        base,
        TimeParsing.duration(timeout),
        retries,
        headers(),
        null,
        tls(base),
        proxy,
        allowPartial,
        warningSink(),
        sigV4(base));
  }

  /** --sigv4 and its region; the credentials are only looked up by the first request. */
  private SigV4Settings sigV4(HttpUrl base) {
    if (!sigv4) {
      if (awsRegion != null || awsService != null) {
        throw new UsageException("--aws-region and --aws-service need --sigv4");
      }
      return null;
    }
    String region = blankToNull(awsRegion);
    if (region == null) {
      region = SigV4Settings.regionFromHost(base.host()).orElse(null);
    }
    if (region == null) {
      region = blankToNull(environment.get(REGION_ENV));
    }
    if (region == null) {
      throw new UsageException(
          "--sigv4 needs the workspace's region: pass --aws-region REGION (or set $"
              + REGION_ENV
              + "); it is not in the URL's host "
              + base.host());
    }
    String service = blankToNull(awsService);
    return new SigV4Settings(
        region,
        service == null ? SigV4Settings.AMP_SERVICE : service,
        awsCredentials != null ? awsCredentials : DefaultCredentialsProvider.builder().build(),
        awsClock);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Auth, tenant and the user's headers; one source per header name, or a usage error. */
  private Map<String, String> headers() {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> source = new LinkedHashMap<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? "" : h.substring(0, colon).strip();
      if (name.isEmpty()) {
        // The text may be a secret typed in the wrong shape, so it is not echoed.
        throw new UsageException("--header takes 'Name: value'; one of them has no name or ':'");
      }
      put(out, source, name, h.substring(colon + 1).strip(), "--header");
    }
    if (tenant != null) {
      put(out, source, "X-Scope-OrgID", tenant.strip(), "--tenant");
    }
    if (sigv4) {
      String other =
          bearerTokenFile != null
              ? "--bearer-token-file"
              : basicAuthUser != null ? "--basic-auth-user" : null;
      if (other != null) {
        throw new UsageException("--sigv4 and " + other + " both set Authorization; keep one");
      }
      for (String name : source.keySet()) {
        if (name.equals("authorization") || name.startsWith("x-amz-")) {
          throw new UsageException(
              "--sigv4 sets " + name + " itself; drop the " + source.get(name) + " that sets it");
        }
      }
    }
    if (basicAuthPasswordFile != null && basicAuthUser == null) {
      throw new UsageException("--basic-auth-password-file needs --basic-auth-user");
    }
    if (basicAuthUser != null) {
      String password =
          basicAuthPasswordFile != null
              ? secretFile("--basic-auth-password-file", basicAuthPasswordFile)
              : environment.get(PASSWORD_ENV);
      if (password == null) {
        throw new UsageException(
            "--basic-auth-user needs a password: --basic-auth-password-file FILE or $"
                + PASSWORD_ENV);
      }
      put(
          out,
          source,
          "Authorization",
          Credentials.basic(basicAuthUser, password, StandardCharsets.UTF_8),
          "--basic-auth-user");
    }
    if (bearerTokenFile != null) {
      put(
          out,
          source,
          "Authorization",
          "Bearer " + secretFile("--bearer-token-file", bearerTokenFile),
          "--bearer-token-file");
    } else if (!sigv4 && !source.containsKey("authorization")) {
      // The environment is a default: an explicit flag or header (or --sigv4) wins over it.
      String token = environment.get(TOKEN_ENV);
      if (token != null && !token.isBlank()) {
        put(out, source, "Authorization", "Bearer " + token.strip(), "$" + TOKEN_ENV);
      }
    }
    return out;
  }

  private static void put(
      Map<String, String> out, Map<String, String> source, String name, String value, String from) {
    String key = name.toLowerCase(Locale.ROOT);
    String earlier = source.putIfAbsent(key, from);
    if (earlier != null) {
      throw new UsageException(
          "header " + name + " is set twice (" + earlier + " and " + from + "); keep one");
    }
    out.put(name, value);
  }

  private TlsSettings tls(HttpUrl base) {
    boolean any =
        caFile != null || clientCert != null || clientKey != null || insecureSkipTlsVerify;
    if (!any) {
      return TlsSettings.DEFAULT;
    }
    if (!base.isHttps()) {
      throw new UsageException(
          "--ca-file, --client-cert, --client-key and --insecure-skip-tls-verify need an"
              + " https:// --prometheus-url");
    }
    if (insecureSkipTlsVerify && caFile != null) {
      throw new UsageException(
          "--insecure-skip-tls-verify and --ca-file contradict each other; keep one");
    }
    if ((clientCert == null) != (clientKey == null)) {
      throw new UsageException("--client-cert and --client-key go together");
    }
    List<X509Certificate> trusted = caFile == null ? List.of() : certificates("--ca-file", caFile);
    TlsSettings tls = new TlsSettings(trusted, null, List.of(), insecureSkipTlsVerify);
    if (clientCert != null) {
      List<X509Certificate> chain = certificates("--client-cert", clientCert);
      String key = secretFile("--client-key", clientKey);
      try {
        tls = TlsSettings.withClientCertificate(tls, chain, key);
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--client-key " + clientKey + " does not fit --client-cert: " + e.getMessage());
      }
    }
    return tls;
  }

  private static List<X509Certificate> certificates(String option, Path file) {
    try {
      return TlsSettings.certificates(readFile(option, file));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " " + file + ": " + e.getMessage());
    }
  }

  /** A file holding one secret; surrounding white space (the final newline) is not part of it. */
  private static String secretFile(String option, Path file) {
    String text = readFile(option, file).strip();
    if (text.isEmpty()) {
      throw new UsageException(option + " " + file + " is empty");
    }
    return text;
  }

  /** Messages name the option and the file, never what is in it. */
  static String readFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " " + file + " is a directory, not a file");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (NoSuchFileException e) {
      throw new UsageException(option + " " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new UsageException(option + " " + file + " cannot be read: permission denied");
    } catch (CharacterCodingException e) {
      throw new UsageException(option + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException(
          option + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Warnings always, one line each and each text once; infos only with --verbose. */
  private WarningSink warningSink() {
    PrintWriter err = err();
    boolean verbose = verbose();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    return new WarningSink() {
      @Override
      public void warning(String text) {
        print(WARNING_PREFIX, text);
      }

      @Override
      public void info(String text) {
        if (verbose) {
          print(INFO_PREFIX, text);
        }
      }

      private void print(String prefix, String text) {
        String line = prefix + text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        if (seen.add(line)) {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        }
      }
    };
  }

  private PrintWriter err() {
    return mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
  }

  private boolean verbose() {
    return mixee != null && ErrorHandler.isVerbose(mixee.commandLine().getParseResult());
  }
}
