package dev.zonecost.accounting;

import java.util.ArrayList;
import java.util.List;

/**
 * The size limits Go's {@code regexp/syntax} parser (so Prometheus) applies, checked before RE2J
 * compiles a regex: RE2J has the repeat-count limit but not the others, and expands nested repeats
 * while compiling, so {@code (((a{100}){100}){100}){100}} would take gigabytes here while
 * Prometheus refuses it at once. From Go's {@code src/regexp/syntax/parse.go}:
 *
 * <ul>
 *   <li>{@code repeatIsValid(re, 1000)}, called by {@code parser.repeat} for every {@code x{n,m}}
 *       with n or m ≥ 2: along any chain of nested counted repeats, the counts (the max, or the min
 *       when unbounded; a {@code {0}} ends the chain) may not exceed 1000 copies of the innermost
 *       thing, dividing as Go does ({@code n /= m}) — error "invalid repeat count";
 *   <li>{@code maxHeight = 1000}: the parse tree's nesting — error "expression nests too deeply";
 *   <li>{@code maxSize = 128 << 20 / instSize} (3,355,443 instructions), the compiled size
 *       estimated by {@code parser.calcSize} — error "expression too large".
 * </ul>
 *
 * Character-class rune counts ({@code maxRunes}) are not estimated: RE2J does not expand them.
 */
final class Re2Limits {
  static final int MAX_REPEAT = 1000;
  static final int MAX_HEIGHT = 1000;
  static final long MAX_SIZE = (128L << 20) / 40;

  private enum Op {
    LEAF,
    CAPTURE,
    STAR,
    PLUS_QUEST,
    CONCAT,
    ALTERNATE,
    REPEAT
  }

  private record Node(Op op, long size, int min, int max, List<Node> subs) {}

  private final String re;
  private int pos;
  private int depth;

  private Re2Limits(String re) {
    this.re = re;
  }

  /**
   * The limit the regex breaks, in Go's words, or null. Null also when the regex is not one this
   * scanner understands: RE2J then reports the syntax error itself.
   */
  static String violation(String regex) {
    Re2Limits p = new Re2Limits(regex);
    try {
      Node root = p.alternate();
      if (p.pos != regex.length()) {
        return null;
      }
      if (!valid(root)) {
        return "invalid repeat count: nested repetitions make more than "
            + MAX_REPEAT
            + " copies (Prometheus' Go regexp limit)";
      }
      if (root.size() > MAX_SIZE) {
        return "expression too large (Prometheus' Go regexp limit)";
      }
      return null;
    } catch (TooDeep e) {
      return "expression nests too deeply (more than "
          + MAX_HEIGHT
          + " levels, Prometheus' Go regexp limit)";
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private static final class TooDeep extends RuntimeException {
    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** Go calls repeatIsValid(re, 1000) on every counted repeat with a count of 2 or more. */
  private static boolean valid(Node node) {
    if (node.op() == Op.REPEAT
        && (node.min() >= 2 || node.max() >= 2)
        && !repeatIsValid(node, MAX_REPEAT)) {
      return false;
    }
    for (Node sub : node.subs()) {
      if (!valid(sub)) {
        return false;
      }
    }
    return true;
  }

  /** Go's repeatIsValid, line for line. */
  private static boolean repeatIsValid(Node node, int n) {
    if (node.op() == Op.REPEAT) {
      int m = node.max();
      if (m == 0) {
        return true;
      }
      if (m < 0) {
        m = node.min();
      }
      if (m > n) {
        return false;
      }
      if (m > 0) {
        n /= m;
      }
    }
    for (Node sub : node.subs()) {
      if (!repeatIsValid(sub, n)) {
        return false;
      }
    }
    return true;
  }

  private boolean more() {
    return pos < re.length();
  }

  private char peek() {
    return re.charAt(pos);
  }

  private Node alternate() {
    if (++depth > MAX_HEIGHT) {
      throw new TooDeep();
    }
    List<Node> subs = new ArrayList<>();
    subs.add(concat());
    while (more() && peek() == '|') {
      pos++;
      subs.add(concat());
    }
    depth--;
    if (subs.size() == 1) {
      return subs.get(0);
    }
    long size = subs.size() - 1;
    for (Node s : subs) {
      size += s.size();
    }
    return new Node(Op.ALTERNATE, Math.max(1, size), 0, 0, subs);
  }

  private Node concat() {
    List<Node> subs = new ArrayList<>();
    while (more() && peek() != '|' && peek() != ')') {
      subs.add(repeated(atom()));
    }
    long size = 0;
    for (Node s : subs) {
      size += s.size();
    }
    return new Node(Op.CONCAT, Math.max(1, size), 0, 0, subs);
  }

  private Node repeated(Node atom) {
    Node node = atom;
    while (more()) {
      char c = peek();
      if (c == '*') {
        pos++;
        node = new Node(Op.STAR, 2 + node.size(), 0, 0, List.of(node));
      } else if (c == '+' || c == '?') {
        pos++;
        node = new Node(Op.PLUS_QUEST, 1 + node.size(), 0, 0, List.of(node));
      } else if (c == '{' && re.indexOf('}', pos) > pos) {
        String body = re.substring(pos + 1, re.indexOf('}', pos));
        if (!body.matches("\\d+(,\\d*)?")) {
          return node; // a literal brace
        }
        pos = re.indexOf('}', pos) + 1;
        String[] parts = body.split(",", -1);
        int min = bounded(parts[0]);
        int max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : bounded(parts[1]);
        long sub = node.size();
        long size =
            max == -1 ? (min == 0 ? 2 + sub : 1 + min * sub) : max * sub + (max - Math.max(0, min));
        node = new Node(Op.REPEAT, Math.max(1, size), min, max, List.of(node));
      } else {
        return node;
      }
      if (more() && peek() == '?') {
        pos++; // non-greedy: the same size
      }
    }
    return node;
  }

  /** Counts above Go's 1000 are RE2J's own error; capped here so the arithmetic stays small. */
  private static int bounded(String digits) {
    return digits.length() > 4 ? 10_000 : Math.min(10_000, Integer.parseInt(digits));
  }

  private Node atom() {
    char c = re.charAt(pos++);
    switch (c) {
      case '(' -> {
        boolean capture = true;
        if (more() && peek() == '?') {
          // (?:x), (?i:x), (?P<name>x), or a bare (?i) flag group.
          int close = pos;
          while (close < re.length() && re.charAt(close) != ':' && re.charAt(close) != ')') {
            if (re.charAt(close) == '>') {
              break;
            }
            close++;
          }
          if (close < re.length() && re.charAt(close) == ')') {
            pos = close + 1;
            return new Node(Op.LEAF, 1, 0, 0, List.of());
          }
          capture = close < re.length() && re.charAt(close) == '>';
          pos = close + 1;
        }
        Node inner = alternate();
        if (!more() || peek() != ')') {
          throw new IllegalArgumentException("missing )");
        }
        pos++;
        return capture ? new Node(Op.CAPTURE, 2 + inner.size(), 0, 0, List.of(inner)) : inner;
      }
      case '[' -> {
        // A class is one instruction; skip to its closing bracket ([]a] and [[:alpha:]] included).
        if (more() && peek() == '^') {
          pos++;
        }
        if (more() && peek() == ']') {
          pos++;
        }
        while (peek() != ']') {
          if (peek() == '\\') {
            pos++;
          } else if (peek() == '[' && pos + 1 < re.length() && re.charAt(pos + 1) == ':') {
            pos = re.indexOf(":]", pos + 2) + 1;
          }
          pos++;
        }
        pos++;
        return new Node(Op.LEAF, 1, 0, 0, List.of());
      }
      case '\\' -> {
        char e = re.charAt(pos++);
        if ((e == 'p' || e == 'P') && more() && peek() == '{') {
          pos = re.indexOf('}', pos) + 1;
        } else if (e == 'x' && more() && peek() == '{') {
          pos = re.indexOf('}', pos) + 1;
        } else if (e == 'Q') {
          int end = re.indexOf("\\E", pos);
          int stop = end < 0 ? re.length() : end;
          long size = Math.max(1, stop - pos);
          pos = end < 0 ? re.length() : end + 2;
          return new Node(Op.LEAF, size, 0, 0, List.of());
        }
        return new Node(Op.LEAF, 1, 0, 0, List.of());
      }
      default -> {
        return new Node(Op.LEAF, 1, 0, 0, List.of());
      }
    }
  }
}
