package dev.zonecost.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** zonecost's exit codes (DESIGN §6) and the one table every command's help is made from. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int USAGE = 2;
  public static final int BREACH = 3;
  public static final int BACKEND = 4;
  public static final int NO_DATA = 5;

  /** What each code means everywhere. */
  private static final List<String> MEANING =
      List.of(
          "success",
          "unexpected internal error (a bug; --verbose shows the stack trace)",
          "usage or configuration error",
          "a threshold or the baseline was breached",
          "back end failed (unreachable, timeout, Prometheus error, malformed answer)",
          "not enough data");

  /** Per command: the codes it can end with and, where it says more, what the code means there. */
  private static final Map<String, Map<Integer, String>> COMMANDS =
      Map.of(
          "report",
          codes(
              0,
              "",
              1,
              "",
              2,
              " (bad flag, bad time, end before start)",
              4,
              "",
              5,
              " (nothing matched the selection in the window, or no end of it got a zone: no pod"
                  + " joins kube-state-metrics, or no node has a zone)"),
          "check",
          codes(
              0,
              ": every check passed (or --warn-only)",
              1,
              "",
              2,
              " (bad flag or threshold, unusable baseline)",
              3,
              "",
              4,
              "",
              5,
              " (nothing matched, or no pod joins kube-state-metrics; attributable share below"
                  + " --min-coverage)"),
          "doctor",
          codes(
              0, ": no FAIL (OK, INFO and WARN only)",
              1, "",
              2, " (bad flag, bad time, end before start)",
              4, "",
              5, ": a FAIL (no Retina metric, no remote context, no zone)"),
          "advise",
          codes(
              0,
              ": advice printed; with --verify, every Service delivered what was predicted (or had"
                  + " nothing to deliver)",
              1,
              "",
              2,
              " (bad flag or time; --verify not START/END, or not ending by the window's start)",
              3,
              ": --verify found a Service whose predicted saving fell short (partly,"
                  + " not-delivered, not-on); the data is still written",
              4,
              "",
              5,
              " (no EndpointSlice series in the window, or no traffic matched in it)"),
          "query",
          codes(0, "", 1, "", 2, ""),
          "simulate",
          codes(0, "", 1, "", 2, ""),
          "reconcile",
          codes(
              0, "",
              1, "",
              2, " (bad flag or time; a bill file that is not one, Parquet, a malformed row)",
              4, "",
              5,
                  " (an empty bill, no inter-zone rows, no resource ids, no whole bill hour in"
                      + " the window, no resource that is a node of this cluster)"),
          "view",
          codes(0, "", 2, " (malformed config file or unknown command)"));

  private ExitCodes() {}

  /** The "Exit codes:" list of a command's help, or an empty map for commands without one. */
  static Map<String, String> help(String command) {
    Map<String, String> list = new LinkedHashMap<>();
    COMMANDS
        .getOrDefault(command, Map.of())
        .forEach((code, more) -> list.put(code + "", MEANING.get(code) + more));
    return list;
  }

  /** One line for the top-level help: "0 success, 1 ..., 5 not enough data." */
  static String summary() {
    StringBuilder sb = new StringBuilder("Exit codes:");
    for (int code = 0; code < MEANING.size(); code++) {
      String meaning = MEANING.get(code).replaceFirst(" \\(.*", "");
      sb.append(code == 0 ? " " : ", ").append(code).append(' ').append(meaning);
    }
    return sb.append('.').toString();
  }

  private static Map<Integer, String> codes(Object... codeThenMore) {
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i < codeThenMore.length; i += 2) {
      m.put((Integer) codeThenMore[i], (String) codeThenMore[i + 1]);
    }
    return m;
  }
}
