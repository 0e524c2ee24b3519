package dev.zonecost.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.zonecost.common.IoText;
import dev.zonecost.common.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code zonecost.yaml}: option values by their long name without dashes. Top-level keys apply to
 * every command that has the option; a key named after a command ({@code report:}, {@code check:})
 * holds values for that command only, and wins over the top level.
 *
 * <pre>
 * prometheus-url: http://prometheus.monitoring:9090
 * since: 24h
 * cloud: aws
 * report:
 *   output: wide
 * </pre>
 */
public record ConfigFile(
    Path path, Map<String, Entry> global, Map<String, Map<String, Entry>> commands) {

  /** One value and the line it was on, for error messages. */
  public record Entry(String key, String value, int line) {}

  public static final ConfigFile NONE = new ConfigFile(null, Map.of(), Map.of());

  /** The value for an option of a command: the command's section first, then the top level. */
  public Optional<Entry> lookup(String command, String key) {
    Entry e = commands.getOrDefault(command, Map.of()).get(key);
    return Optional.ofNullable(e != null ? e : global.get(key));
  }

  public String where(Entry e) {
    return path.getFileName() + ":" + e.line();
  }

  /** Far above any real config file (a few hundred bytes); refused before it is read. */
  static final long MAX_BYTES = 1 << 20;

  public static ConfigFile load(Path path) {
    try {
      if (Files.isRegularFile(path) && Files.size(path) > MAX_BYTES) {
        throw new UsageException(
            "config file "
                + path
                + " is "
                + Files.size(path)
                + " bytes; a config file is at most "
                + MAX_BYTES
                + " bytes");
      }
    } catch (IOException e) {
      // Unreadable: the reading below says so.
    }
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        JsonParser p = new YAMLFactory().createParser(r)) {
      Map<String, Entry> global = new LinkedHashMap<>();
      Map<String, Map<String, Entry>> commands = new LinkedHashMap<>();
      JsonToken t = p.nextToken();
      if (t == null) {
        return new ConfigFile(path, global, commands);
      }
      if (t != JsonToken.START_OBJECT) {
        throw problem(path, p.currentLocation(), "the file must be a map of option: value");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = p.currentLocation().getLineNr();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT) {
          Map<String, Entry> section = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            int innerLine = p.currentLocation().getLineNr();
            p.nextToken();
            put(path, section, scalar(path, p, key + "." + inner, inner, innerLine));
          }
          if (commands.put(key, section) != null) {
            throw problem(path, line, key + ": given twice");
          }
        } else {
          put(path, global, scalar(path, p, key, key, line));
        }
      }
      if (p.nextToken() != null) {
        throw problem(
            path,
            p.currentLocation(),
            "a second YAML document (after ---) is not read; keep all settings in one");
      }
      return new ConfigFile(path, global, commands);
    } catch (NoSuchFileException e) {
      throw new UsageException("config file " + path + " does not exist");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new UsageException(
          path.getFileName()
              + ":"
              + (loc == null ? "?" : loc.getLineNr())
              + ": not valid YAML: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + path + ": " + IoText.reason(e), e);
    }
  }

  private static void put(Path path, Map<String, Entry> map, Entry e) {
    if (map.put(e.key(), e) != null) {
      throw problem(path, e.line(), e.key() + ": given twice");
    }
  }

  private static Entry scalar(Path path, JsonParser p, String display, String key, int line)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
      throw problem(
          path, line, display + ": must be a single value (lists and maps are not options)");
    }
    if (t == JsonToken.VALUE_NULL) {
      throw problem(path, line, display + ": has no value");
    }
    // Jackson hands an alias over as its name: "to-namespace: *ns" would select namespace "ns".
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      throw problem(
          path,
          line,
          display
              + ": a YAML alias (*"
              + p.getText()
              + ") is not read; write the value itself (anchors and aliases are not supported)");
    }
    return new Entry(key, p.getText(), line);
  }

  static UsageException problem(Path path, JsonLocation loc, String message) {
    return problem(path, loc == null ? 0 : loc.getLineNr(), message);
  }

  static UsageException problem(Path path, int line, String message) {
    return new UsageException(path.getFileName() + ":" + line + ": " + message);
  }
}
