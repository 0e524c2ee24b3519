package dev.zonecost.prometheus;

import dev.zonecost.common.UsageException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS files as the user named them; {@link #settings} reads and checks them.
 *
 * @param caFile trust only these CA certificates, or {@code null} for the JVM's roots
 * @param clientCert client certificate chain for mutual TLS, or {@code null}
 * @param clientKey its PKCS#8 private key, or {@code null}
 * @param insecureSkipTlsVerify do not check the server's certificate
 */
public record TlsFiles(
    Path caFile, Path clientCert, Path clientKey, boolean insecureSkipTlsVerify) {

  public static final TlsFiles NONE = new TlsFiles(null, null, null, false);

  TlsSettings settings(boolean https) {
    boolean any =
        caFile != null || clientCert != null || clientKey != null || insecureSkipTlsVerify;
    if (!any) {
      return TlsSettings.DEFAULT;
    }
    if (!https) {
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
    if (clientCert == null) {
      return tls;
    }
    List<X509Certificate> chain = certificates("--client-cert", clientCert);
    String key = SecretFiles.secret("--client-key", clientKey);
    try {
      return TlsSettings.withClientCertificate(tls, chain, key);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--client-key " + clientKey + " does not fit --client-cert: " + e.getMessage());
    }
  }

  private static List<X509Certificate> certificates(String option, Path file) {
    try {
      return TlsSettings.certificates(SecretFiles.read(option, file));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " " + file + ": " + e.getMessage());
    }
  }
}
