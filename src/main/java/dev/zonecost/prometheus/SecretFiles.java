package dev.zonecost.prometheus;

import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files named by an option: messages name the option and the file, never what is in it. */
final class SecretFiles {
  private SecretFiles() {}

  /** A file holding one secret; surrounding white space (the final newline) is not part of it. */
  static String secret(String option, Path file) {
    String text = read(option, file).strip();
    if (text.isEmpty()) {
      throw new UsageException(option + " " + file + " is empty");
    }
    return text;
  }

  static String read(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException(option + " " + file + " is a directory, not a file");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
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
}
