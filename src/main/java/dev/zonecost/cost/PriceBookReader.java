package dev.zonecost.cost;

import dev.zonecost.cost.YamlTree.Entry;
import dev.zonecost.cost.YamlTree.Mapping;
import dev.zonecost.cost.YamlTree.Node;
import dev.zonecost.cost.YamlTree.Scalar;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a pricing document into a {@link PriceBook}, strictly: unknown keys, missing fields and bad
 * values are {@link PricingProblem}s at their line, because a typo in a price book would otherwise
 * price silently at the wrong rate.
 */
final class PriceBookReader {
  static final String SOURCE_PER_UNIT = "sourcePerUnit";
  static final String DESTINATION_PER_UNIT = "destinationPerUnit";
  private static final List<String> ROOT_KEYS = List.of("providers");
  private static final List<String> PROVIDER_KEYS =
      List.of(
          "currency",
          "unit",
          SOURCE_PER_UNIT,
          DESTINATION_PER_UNIT,
          "regions",
          "source",
          "checked");
  private static final List<String> REGION_KEYS = List.of(SOURCE_PER_UNIT, DESTINATION_PER_UNIT);

  private PriceBookReader() {}

  static PriceBook read(Node root) {
    if (root == null) {
      throw new PricingProblem(1, "the file is empty: expected a 'providers' mapping");
    }
    Mapping doc = mapping(root, "", "the file");
    checkKeys(doc, "", ROOT_KEYS);
    Entry providers = required(doc, "", "providers");
    Map<String, ProviderPrice> book = new LinkedHashMap<>();
    for (Entry e : mapping(providers.value(), "", "providers").entries().values()) {
      book.put(e.key(), provider(e));
    }
    return new PriceBook(book);
  }

  private static ProviderPrice provider(Entry entry) {
    String name = entry.key();
    String where = "provider '" + name + "': ";
    Mapping m = mapping(entry.value(), where, "the provider");
    // A missing field is reported at the provider's own line: there is no line of its own.
    Mapping at = new Mapping(m.entries(), entry.line());
    checkKeys(m, where, PROVIDER_KEYS);
    String currency = currency(required(at, where, "currency"), where);
    PriceUnit unit = unit(required(at, where, "unit"), where);
    BigDecimal source = price(required(at, where, SOURCE_PER_UNIT), where);
    BigDecimal destination = price(required(at, where, DESTINATION_PER_UNIT), where);
    Map<String, Rates> regions = new LinkedHashMap<>();
    Entry regionsEntry = m.entries().get("regions");
    if (regionsEntry != null) {
      for (Entry r : mapping(regionsEntry.value(), where, "regions").entries().values()) {
        regions.put(r.key(), region(r, name, new Rates(source, destination)));
      }
    }
    Entry note = m.entries().get("source");
    Entry checked = m.entries().get("checked");
    return new ProviderPrice(
        name,
        currency,
        unit,
        source,
        destination,
        regions,
        note == null ? null : text(note, where),
        checked == null ? null : month(checked, where));
  }

  /** A region's override; a side it leaves out keeps the provider's rate. */
  private static Rates region(Entry entry, String provider, Rates inherited) {
    String where = "provider '" + provider + "' region '" + entry.key() + "': ";
    Mapping m = mapping(entry.value(), where, "the region");
    checkKeys(m, where, REGION_KEYS);
    Entry source = m.entries().get(SOURCE_PER_UNIT);
    Entry destination = m.entries().get(DESTINATION_PER_UNIT);
    return new Rates(
        source == null ? inherited.sourcePerUnit() : price(source, where),
        destination == null ? inherited.destinationPerUnit() : price(destination, where));
  }

  private static Mapping mapping(Node node, String where, String what) {
    if (node instanceof Mapping m) {
      return m;
    }
    throw new PricingProblem(
        node.line(), where + what + " must be a mapping, got " + node.describe());
  }

  private static void checkKeys(Mapping m, String where, List<String> allowed) {
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        throw new PricingProblem(
            e.line(),
            where + "unknown key '" + e.key() + "' (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private static Entry required(Mapping m, String where, String key) {
    Entry e = m.entries().get(key);
    if (e == null) {
      throw new PricingProblem(m.line(), where + key + " is missing");
    }
    return e;
  }

  private static BigDecimal price(Entry e, String where) {
    if (e.value() instanceof Scalar s && s.isNumber()) {
      try {
        // YAML allows 1_000 for 1000; BigDecimal does not.
        BigDecimal price = new BigDecimal(s.text().replace("_", ""));
        if (price.signum() >= 0) {
          // 1E+1 would print as such; a plain scale keeps the book's figures readable.
          return price.scale() < 0 ? price.setScale(0) : price;
        }
      } catch (NumberFormatException notDecimal) {
        // YAML numbers such as .inf or 0x1F are no price: reported below like any bad value.
      }
    }
    throw bad(e, where, "a number >= 0");
  }

  private static String text(Entry e, String where) {
    if (e.value() instanceof Scalar s && s.isText() && !s.text().isBlank()) {
      return s.text();
    }
    throw bad(e, where, "a non-empty text");
  }

  /**
   * An ISO 4217 code: the currency lands in CSV cells, Markdown, alert annotations (where {@code {{
   * … }}} would be template code) and Prometheus labels.
   */
  private static String currency(Entry e, String where) {
    if (e.value() instanceof Scalar s && s.isText() && s.text().strip().matches("[A-Za-z]{3}")) {
      return s.text().strip().toUpperCase(java.util.Locale.ROOT);
    }
    throw bad(e, where, "an ISO 4217 currency code of three letters (USD, EUR)");
  }

  private static PriceUnit unit(Entry e, String where) {
    return parsedText(e, where, PriceUnit::parse, "GB (10^9 bytes) or GiB (2^30 bytes)");
  }

  private static YearMonth month(Entry e, String where) {
    return parsedText(e, where, YearMonth::parse, "a year and month such as 2026-11");
  }

  /** A text value as {@code parser} reads it, or the line's problem naming what was expected. */
  private static <T> T parsedText(
      Entry e, String where, Function<String, T> parser, String expected) {
    if (e.value() instanceof Scalar s && s.isText()) {
      try {
        return parser.apply(s.text());
      } catch (IllegalArgumentException | DateTimeException notParsed) {
        // Reported below with the line.
      }
    }
    throw bad(e, where, expected);
  }

  private static PricingProblem bad(Entry e, String where, String expected) {
    return new PricingProblem(
        e.value().line(),
        where + e.key() + " must be " + expected + ", got " + e.value().describe());
  }
}
