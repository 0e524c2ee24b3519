package dev.zonecost.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code zonecost __complete WORD...}: the completions of the last word, one a line, then Cobra's
 * directive line, as kubectl (1.26+) asks a plugin's {@code kubectl_complete-zonecost} executable
 * for them ({@code staging/src/k8s.io/kubectl/pkg/cmd/plugin/plugin_completion.go}: it runs it with
 * the words after {@code kubectl zonecost}, the last one the word being completed, and reads {@code
 * :<directive>} as the last line). Hidden: people use {@code zonecost completion}.
 */
@Command(name = PluginCompletion.NAME, hidden = true)
final class PluginCompletion implements Callable<Integer> {
  static final String NAME = "__complete";

  /** Cobra's ShellCompDirectiveDefault: the shell may complete file names. */
  static final int FILES = 0;

  /** Cobra's ShellCompDirectiveNoFileComp. */
  static final int NO_FILES = 4;

  @Spec CommandSpec spec;

  @Unmatched List<String> words = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<String> candidates = new ArrayList<>();
    int directive = complete(spec.root(), words, candidates);
    candidates.forEach(out::println);
    out.println(":" + directive);
    out.flush();
    return ExitCodes.OK;
  }

  /** Fills {@code out} with the completions of the last of {@code words}; the directive. */
  static int complete(CommandSpec root, List<String> words, List<String> out) {
    String word = words.isEmpty() ? "" : words.get(words.size() - 1);
    CommandSpec command = root;
    OptionSpec pending = null;
    for (String w : words.subList(0, Math.max(0, words.size() - 1))) {
      if (pending != null) {
        pending = null; // w is that option's value
      } else if (w.startsWith("-")) {
        OptionSpec o = w.contains("=") ? null : command.findOption(w);
        pending = o != null && o.arity().max() > 0 ? o : null;
      } else if (command.subcommands().containsKey(w)) {
        command = command.subcommands().get(w).getCommandSpec();
      }
    }
    if (pending != null) {
      Iterable<String> values = pending.completionCandidates();
      if (values == null) {
        return FILES; // a FILE, DURATION or URL: the shell's own completion
      }
      values.forEach(v -> add(out, v, word));
      return NO_FILES;
    }
    if (word.startsWith("-")) {
      for (OptionSpec o : command.options()) {
        if (!o.hidden()) {
          add(out, o.longestName(), word);
        }
      }
      return NO_FILES;
    }
    for (var e : command.subcommands().entrySet()) {
      if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
        add(out, e.getKey(), word);
      }
    }
    return NO_FILES;
  }

  private static void add(List<String> out, String candidate, String prefix) {
    if (candidate.startsWith(prefix) && !out.contains(candidate)) {
      out.add(candidate);
    }
  }
}
