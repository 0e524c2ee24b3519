package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.advise.Datapath;
import dev.zonecost.check.CheckFormat;
import dev.zonecost.check.CostBasis;
import dev.zonecost.config.OptionValue;
import dev.zonecost.doctor.DoctorFormat;
import dev.zonecost.engine.RangeSemantics;
import dev.zonecost.render.AdviceFormat;
import dev.zonecost.render.CsvLayout;
import dev.zonecost.render.OutputFormat;
import dev.zonecost.report.RowOrder;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.TrafficDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of an enum option as users type them, lower case with hyphens ({@code cross-ratio},
 * {@code left-open}): picocli's completion candidates, the {@code ${COMPLETION-CANDIDATES}} of the
 * help, and the converter that reads them back (any case, '-' or '_').
 */
class LowerCaseValues implements Iterable<String> {
  /** Every enum an option takes; {@link Cli} registers the converter for each. */
  static final List<Class<? extends Enum<?>>> TYPES =
      List.of(
          OutputFormat.class,
          CsvLayout.class,
          RowOrder.SortBy.class,
          CheckFormat.class,
          DoctorFormat.class,
          CostBasis.class,
          DedupeMode.class,
          DataAggregationLevel.class,
          GroupBy.class,
          RangeSemantics.class,
          Scenario.class,
          Routing.class,
          AdviceFormat.class,
          Datapath.class,
          TrafficDistribution.class);

  private final Class<? extends Enum<?>> type;

  LowerCaseValues(Class<? extends Enum<?>> type) {
    this.type = type;
  }

  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(type.getEnumConstants()).map(OptionValue::label).iterator();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void register(CommandLine cl, Class<? extends Enum<?>> type) {
    cl.registerConverter((Class) type, text -> parse(type, text));
  }

  static Enum<?> parse(Class<? extends Enum<?>> type, String text) {
    for (Enum<?> e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text.strip().replace('-', '_'))) {
        return e;
      }
    }
    List<String> values = new ArrayList<>();
    new LowerCaseValues(type).forEach(values::add);
    String last = values.remove(values.size() - 1);
    throw new TypeConversionException(
        "use " + String.join(", ", values) + " or " + last + ", not '" + text + "'");
  }
}
