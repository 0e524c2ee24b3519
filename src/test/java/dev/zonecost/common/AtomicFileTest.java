package dev.zonecost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --output-file against what is already there: links, FIFOs, modes. Never real devices. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AtomicFileTest {
  @TempDir Path tmp;

  private static void write(Path file, String text) throws IOException {
    AtomicFile.write(file, w -> w.write(text));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void should_follow_a_symlink_and_replace_its_target_leaving_the_link() throws Exception {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Path links = Files.createDirectory(tmp.resolve("links"));
    Path target = Files.writeString(real.resolve("report.csv"), "old");
    Path link = Files.createSymbolicLink(links.resolve("out.csv"), target);

    write(link, "new");

    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("out.csv"), names(links), "no temp file beside the link");
    assertEquals(List.of("report.csv"), names(real));
  }

  @Test
  void should_create_the_target_of_a_dangling_relative_symlink() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("out.json"), Path.of("made.json"));
    write(link, "{}");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("{}", Files.readString(tmp.resolve("made.json")));
  }

  @Test
  void should_keep_the_mode_of_an_existing_file() throws Exception {
    Path file = Files.writeString(tmp.resolve("r.csv"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    write(file, "new");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    write(file, "newer");
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void should_write_through_a_fifo_and_leave_it_a_fifo() throws Exception {
    Path fifo = tmp.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    write(fifo, "through the pipe");

    assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
    assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS));
    assertFalse(Files.isRegularFile(fifo), "still a FIFO, not replaced by a regular file");
    assertEquals(List.of("pipe"), names(tmp));
  }

  @Test
  void should_refuse_a_directory_and_a_missing_directory_in_one_plain_line() {
    UsageException dir = assertThrows(UsageException.class, () -> write(tmp, "x"));
    assertEquals("cannot write " + tmp + ": it is a directory", dir.getMessage());
    Path missing = tmp.resolve("no/such/out.csv");
    UsageException gone = assertThrows(UsageException.class, () -> write(missing, "x"));
    assertFalse(gone.getMessage().contains("Exception"), gone.getMessage());
    assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
  }

  @Test
  void should_resolve_a_path_through_a_link_and_dot_dot_as_the_kernel_does() throws Exception {
    // dl -> real/sub, so dl/.. is real (not the directory holding dl), and t.csv there is a link
    // to target.csv beside it: the kernel writes real/target.csv.
    Path real = Files.createDirectories(tmp.resolve("real/sub"));
    Files.createSymbolicLink(tmp.resolve("dl"), real);
    Files.writeString(tmp.resolve("real/target.csv"), "old");
    Files.createSymbolicLink(tmp.resolve("real/t.csv"), Path.of("target.csv"));
    AtomicFile.write(tmp.resolve("dl/../t.csv"), w -> w.write("new"));
    assertEquals("new", Files.readString(tmp.resolve("real/target.csv")));
    assertTrue(Files.isSymbolicLink(tmp.resolve("real/t.csv")), "the link stays");
    assertFalse(Files.exists(tmp.resolve("target.csv")), "nothing at the lexical path");
    // And a new file: where the kernel puts it.
    AtomicFile.write(tmp.resolve("dl/../new.csv"), w -> w.write("n"));
    assertEquals("n", Files.readString(tmp.resolve("real/new.csv")));
  }
}
