package dev.zonecost.prometheus;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import okhttp3.tls.Certificates;
import okhttp3.tls.HeldCertificate;

/**
 * TLS beyond the JVM's defaults.
 *
 * @param trustedCertificates when not empty, the only roots trusted (like Prometheus' and kubectl's
 *     {@code ca_file}); when empty, the JVM's platform roots
 * @param clientCertificate the client certificate and its private key for mutual TLS, or null
 * @param clientChain intermediates sent after the client certificate
 * @param insecureSkipVerify accept any certificate of the configured host, and any host name on it
 */
public record TlsSettings(
    List<X509Certificate> trustedCertificates,
    HeldCertificate clientCertificate,
    List<X509Certificate> clientChain,
    boolean insecureSkipVerify) {

  public static final TlsSettings DEFAULT = new TlsSettings(List.of(), null, List.of(), false);

  public TlsSettings {
    trustedCertificates =
        trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
    clientChain = clientChain == null ? List.of() : List.copyOf(clientChain);
  }

  boolean isDefault() {
    return trustedCertificates.isEmpty() && clientCertificate == null && !insecureSkipVerify;
  }

  /**
   * Every certificate of a PEM bundle, in order.
   *
   * @throws IllegalArgumentException when the text holds no readable certificate; the message never
   *     quotes the text
   */
  public static List<X509Certificate> certificates(String pem) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("it holds no PEM certificate");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("it is not a PEM certificate (or bundle)", e);
    }
  }

  /**
   * A client identity from a certificate file (the client certificate first, then any
   * intermediates) and a PKCS#8 private key ({@code BEGIN PRIVATE KEY}).
   *
   * @throws IllegalArgumentException when the key does not decode or does not match; the message
   *     never quotes the key
   */
  public static TlsSettings withClientCertificate(
      TlsSettings base, List<X509Certificate> chain, String keyPem) {
    if (!keyPem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "it is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY); convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
    }
    HeldCertificate held;
    try {
      held = HeldCertificate.decode(Certificates.certificatePem(chain.get(0)) + keyPem);
    } catch (RuntimeException e) {
      // OkHttp's message is about the PEM structure; the key's bytes are not part of it, but we do
      // not pass it on anyway.
      throw new IllegalArgumentException("the private key could not be decoded");
    }
    if (!matches(held.keyPair().getPrivate(), chain.get(0).getPublicKey())) {
      throw new IllegalArgumentException("the private key does not belong to the certificate");
    }
    return new TlsSettings(
        base.trustedCertificates, held, chain.subList(1, chain.size()), base.insecureSkipVerify);
  }

  /**
   * Whether the key signs what the certificate's public key verifies. HeldCertificate takes its
   * public key from the certificate, so a key of another certificate would only fail mid-handshake.
   */
  private static boolean matches(PrivateKey key, PublicKey certificateKey) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> null;
        };
    if (algorithm == null) {
      return true; // cannot tell here; the handshake will
    }
    try {
      byte[] probe = "zonecost".getBytes(StandardCharsets.US_ASCII);
      Signature sign = Signature.getInstance(algorithm);
      sign.initSign(key);
      sign.update(probe);
      byte[] signature = sign.sign();
      Signature verify = Signature.getInstance(algorithm);
      verify.initVerify(certificateKey);
      verify.update(probe);
      return verify.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Names what is configured, never the key. */
  @Override
  public String toString() {
    return "TlsSettings[trusted="
        + trustedCertificates.size()
        + ", clientCertificate="
        + (clientCertificate == null
            ? "none"
            : clientCertificate.certificate().getSubjectX500Principal().getName())
        + ", insecureSkipVerify="
        + insecureSkipVerify
        + "]";
  }
}
