package dev.zonecost.simulate;

import java.util.SplittableRandom;
import java.util.UUID;

/** Kubernetes-looking random names from a run's random stream, so output stays deterministic. */
final class RandomNames {
  /** Kubernetes' alphabet for generated name suffixes (no vowels, no look-alike digits). */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private RandomNames() {}

  /** A pod-template-hash: 8 to 10 characters. */
  static String hash(SplittableRandom rng) {
    return name(rng, 8 + rng.nextInt(3));
  }

  static String name(SplittableRandom rng, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  /** A version-4 style UUID. */
  static String uid(SplittableRandom rng) {
    long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
