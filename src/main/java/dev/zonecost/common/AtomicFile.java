package dev.zonecost.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a regular file beside its destination and renames it into place, so a failed run never
 * leaves half a file nor spoils an existing one. A symbolic link is followed and its final target
 * replaced (the link stays); an existing file keeps its permissions. Anything that is not a regular
 * file — a FIFO, {@code /dev/stdout}, a terminal, {@code /dev/null} — is written through as it is,
 * since renaming over it would replace the node itself.
 */
public final class AtomicFile {
  /** What writes the content. */
  public interface Body {
    void write(Writer w) throws IOException;
  }

  // Linux gives up after 40 links too.
  private static final int MAX_LINKS = 40;

  private AtomicFile() {}

  public static void write(Path file, Body body) throws IOException {
    Path given = file.toAbsolutePath();
    if (Files.isDirectory(given)) {
      throw new UsageException("cannot write " + file + ": it is a directory");
    }
    if (Files.exists(given) && !Files.isRegularFile(given)) {
      writeThrough(file, given, body);
      return;
    }
    Path target = finalTarget(file, given);
    Path parent = target.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UsageException(
          "cannot write " + file + ": directory " + parent + " does not exist");
    }
    Path tmp = parent.resolve("." + target.getFileName() + "." + random() + ".tmp");
    try {
      // Created like any new file (the umask applies), then given the old file's mode if any.
      try (Writer w =
          Files.newBufferedWriter(
              tmp,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
        body.write(w);
      }
      keepMode(target, tmp);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot write " + file + ": permission denied in " + parent, e);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot write " + file + ": directory " + parent + " is gone", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A FIFO or a device: opened as it is, neither created nor truncated. */
  private static void writeThrough(Path file, Path given, Body body) throws IOException {
    try (Writer w =
        Files.newBufferedWriter(given, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
      body.write(w);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot write " + file + ": permission denied", e);
    } catch (FileSystemException e) {
      throw new UsageException(
          "cannot write " + file + ": " + (e.getReason() == null ? "refused" : e.getReason()), e);
    }
  }

  /** Follows symbolic links, even dangling ones, to the path that is to be replaced. */
  private static Path finalTarget(Path file, Path given) throws IOException {
    Path p = kernel(given);
    for (int i = 0; Files.isSymbolicLink(p); i++) {
      if (i == MAX_LINKS) {
        throw new UsageException("cannot write " + file + ": too many levels of symbolic links");
      }
      p = kernel(p.getParent().resolve(Files.readSymbolicLink(p)));
    }
    return p;
  }

  /**
   * The directory resolved as the kernel resolves it, then the name: in {@code dl/../t.csv} with
   * {@code dl} a link, {@code ..} is the parent of the link's target, which a lexical normalize()
   * gets wrong. A directory that does not exist is left as it is (and reported by the caller).
   */
  private static Path kernel(Path p) {
    Path parent = p.getParent();
    Path name = p.getFileName();
    if (parent == null || name == null) {
      return p;
    }
    try {
      return parent.toRealPath().resolve(name);
    } catch (IOException missing) {
      return p;
    }
  }

  private static void keepMode(Path target, Path tmp) throws IOException {
    PosixFileAttributeView old =
        Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (old == null || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
  }

  private static String random() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }
}
