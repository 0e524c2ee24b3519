package dev.zonecost.cost;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads the price book shipped in the jar and the user's pricing files laid over it. */
public final class PriceBookLoader {
  /** The shipped book, beside this class in the jar. */
  static final String DEFAULT_RESOURCE = "pricebook.yaml";

  private static final YAMLFactory YAML = new YAMLFactory();

  /** Larger files are refused before they are parsed. */
  static final long MAX_BYTES = 1 << 20;

  private PriceBookLoader() {}

  /** The price book shipped in the jar. */
  public static PriceBook loadDefault() {
    try (InputStream in = PriceBookLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks its price book " + DEFAULT_RESOURCE);
      }
      return parse(in, DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shipped book with {@code file}'s providers laid over it: a provider of the same name is
   * replaced entirely, new names are added.
   *
   * @throws UsageException when the file cannot be read or is malformed, naming file, line and
   *     field
   */
  public static PriceBook load(Path file) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new UsageException("pricing file " + name + " is a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      // A price book is a few kilobytes; checked before parsing, which is slow on huge scalars.
      if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
        throw new UsageException(
            "pricing file "
                + name
                + " is "
                + Files.size(file)
                + " bytes: a price book is at most "
                + MAX_BYTES
                + " bytes");
      }
      return loadDefault().mergedWith(parse(in, name));
    } catch (NoSuchFileException e) {
      throw new UsageException("pricing file not found: " + name, e);
    } catch (AccessDeniedException e) {
      throw new UsageException("pricing file " + name + " cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new UsageException("cannot read pricing file " + name, e);
    }
  }

  /** One pricing document on its own, as {@code name} for error messages. */
  static PriceBook parse(InputStream in, String name) throws IOException {
    try (JsonParser p = YAML.createParser(in)) {
      return PriceBookReader.read(YamlTree.read(p));
    } catch (PricingProblem e) {
      throw new UsageException(name + ":" + e.line() + ": " + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new UsageException(
          name + ":" + line(e.getLocation()) + ": not valid YAML: " + sentences(e), e);
    }
  }

  private static int line(JsonLocation location) {
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  /**
   * The parser's own sentences, e.g. "while parsing a flow sequence, expected ',' or ']'", without
   * the indented excerpts and "in 'reader'" marks it puts between them.
   */
  private static String sentences(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage())
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .collect(Collectors.joining(", "));
  }
}
