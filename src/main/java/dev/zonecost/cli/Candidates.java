package dev.zonecost.cli;

import dev.zonecost.accounting.DataAggregationLevel;
import dev.zonecost.accounting.DedupeMode;
import dev.zonecost.accounting.GroupBy;
import dev.zonecost.advise.Datapath;
import dev.zonecost.check.CheckFormat;
import dev.zonecost.check.CostBasis;
import dev.zonecost.doctor.DoctorFormat;
import dev.zonecost.engine.RangeSemantics;
import dev.zonecost.render.AdviceFormat;
import dev.zonecost.render.CsvLayout;
import dev.zonecost.render.OutputFormat;
import dev.zonecost.report.RowOrder;
import dev.zonecost.simulate.Routing;
import dev.zonecost.simulate.TrafficDistribution;

/**
 * picocli's completion candidates of each enum option ({@code completionCandidates} takes a class
 * with a no-argument constructor): the option's values in lower case, via {@link LowerCaseValues}.
 */
final class Candidates {
  private Candidates() {}

  static final class OutputFormatValues extends LowerCaseValues {
    OutputFormatValues() {
      super(OutputFormat.class);
    }
  }

  static final class CsvLayoutValues extends LowerCaseValues {
    CsvLayoutValues() {
      super(CsvLayout.class);
    }
  }

  static final class SortByValues extends LowerCaseValues {
    SortByValues() {
      super(RowOrder.SortBy.class);
    }
  }

  static final class CheckFormatValues extends LowerCaseValues {
    CheckFormatValues() {
      super(CheckFormat.class);
    }
  }

  static final class DoctorFormatValues extends LowerCaseValues {
    DoctorFormatValues() {
      super(DoctorFormat.class);
    }
  }

  static final class CostBasisValues extends LowerCaseValues {
    CostBasisValues() {
      super(CostBasis.class);
    }
  }

  static final class DedupeValues extends LowerCaseValues {
    DedupeValues() {
      super(DedupeMode.class);
    }
  }

  static final class LevelValues extends LowerCaseValues {
    LevelValues() {
      super(DataAggregationLevel.class);
    }
  }

  static final class GroupByValues extends LowerCaseValues {
    GroupByValues() {
      super(GroupBy.class);
    }
  }

  static final class RangeSemanticsValues extends LowerCaseValues {
    RangeSemanticsValues() {
      super(RangeSemantics.class);
    }
  }

  static final class RoutingValues extends LowerCaseValues {
    RoutingValues() {
      super(Routing.class);
    }
  }

  static final class ScenarioValues extends LowerCaseValues {
    ScenarioValues() {
      super(Scenario.class);
    }
  }

  static final class AdviceFormatValues extends LowerCaseValues {
    AdviceFormatValues() {
      super(AdviceFormat.class);
    }
  }

  static final class DatapathValues extends LowerCaseValues {
    DatapathValues() {
      super(Datapath.class);
    }
  }

  static final class TrafficDistributionValues extends LowerCaseValues {
    TrafficDistributionValues() {
      super(TrafficDistribution.class);
    }
  }
}
