package dev.zonecost.prometheus;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * A kubeconfig's client key as PKCS#8: kubeadm, kind and minikube write RSA keys as PKCS#1 ({@code
 * BEGIN RSA PRIVATE KEY}), which is the same key inside one more ASN.1 wrapper.
 */
final class Pkcs8 {
  private Pkcs8() {}

  /** rsaEncryption's AlgorithmIdentifier: SEQUENCE { OID 1.2.840.113549.1.1.1, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  static String of(String pem) {
    String begin = "-----BEGIN RSA PRIVATE KEY-----";
    int at = pem.indexOf(begin);
    if (at < 0) {
      return pem; // PKCS#8 already, or refused with its own message
    }
    int end = pem.indexOf("-----END RSA PRIVATE KEY-----", at);
    if (end < 0) {
      throw new IllegalArgumentException("the RSA private key has no END line");
    }
    byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.substring(at + begin.length(), end));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00}); // version 0
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(tlv(0x04, pkcs1)); // the PKCS#1 key as an OCTET STRING
    byte[] der = tlv(0x30, body.toByteArray());
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }

  private static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else if (n < 0x10000) {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    } else {
      out.write(0x83);
      out.write(n >> 16);
      out.write((n >> 8) & 0xff);
      out.write(n & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }
}
