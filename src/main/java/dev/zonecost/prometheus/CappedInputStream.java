package dev.zonecost.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every answer is read through this: it fails once more than the cap has been read, so an endless
 * or huge answer (or a gzip bomb: the count is of decompressed bytes) ends with one clear line
 * instead of filling the heap.
 */
final class CappedInputStream extends FilterInputStream {
  /** The answer passed the cap; an IOException so the JSON parser passes it through as it is. */
  static final class TooLargeException extends IOException {
    TooLargeException(long cap) {
      super("the answer is larger than " + cap + " bytes");
    }
  }

  private final long cap;
  private long read;

  CappedInputStream(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  /** The bytes read so far. */
  long bytesRead() {
    return read;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws TooLargeException {
    read += n;
    if (read > cap) {
      throw new TooLargeException(cap);
    }
  }
}
