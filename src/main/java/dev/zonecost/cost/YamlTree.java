package dev.zonecost.cost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML document read token by token so every key and value keeps its line: Jackson's own tree
 * drops locations, and a pricing error must point at the line to fix.
 */
final class YamlTree {
  private YamlTree() {}

  sealed interface Node permits Mapping, Scalar, Sequence {
    int line();

    /** How the node reads in an error's "got ..." part. */
    String describe();
  }

  record Entry(String key, int line, Node value) {}

  record Mapping(Map<String, Entry> entries, int line) implements Node {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record Scalar(JsonToken token, String text, int line) implements Node {
    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isText() {
      return token == JsonToken.VALUE_STRING;
    }

    @Override
    public String describe() {
      return token == JsonToken.VALUE_NULL ? "nothing" : "\"" + text + "\"";
    }
  }

  record Sequence(int line) implements Node {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** The single document of the parser's input; null when the input holds none. */
  static Node read(JsonParser p) throws IOException {
    if (p.nextToken() == null) {
      return null;
    }
    Node root = node(p);
    if (p.nextToken() != null) {
      throw new PricingProblem(line(p), "only one YAML document is allowed");
    }
    return root;
  }

  private static Node node(JsonParser p) throws IOException {
    int line = line(p);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        p.nextToken();
        // Jackson keeps the last of two equal keys silently; a price given twice is a mistake.
        if (entries.put(key, new Entry(key, keyLine, node(p))) != null) {
          throw new PricingProblem(keyLine, "'" + key + "' is given twice");
        }
      }
      return new Mapping(entries, line);
    }
    if (t == JsonToken.START_ARRAY) {
      p.skipChildren();
      return new Sequence(line);
    }
    return new Scalar(t, t == JsonToken.VALUE_NULL ? null : p.getText(), line);
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
