package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import java.util.List;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command unless the config file stops it: a broken file stops every command, a value that
 * does not fit one command stops that one. Help, version and completion always run, so a broken
 * file never hides the help that explains it.
 */
final class ConfigGuard implements IExecutionStrategy {
  private final UsageException broken;
  private final ConfigDefaults defaults;

  /** Exactly one of the two is {@code null}. */
  ConfigGuard(UsageException broken, ConfigDefaults defaults) {
    this.broken = broken;
    this.defaults = defaults;
  }

  @Override
  public int execute(ParseResult parseResult) {
    List<CommandLine> commands = parseResult.asCommandLineList();
    if (kubectlCompletion(commands.get(commands.size() - 1))) {
      return ExitCodes.USAGE;
    }
    Integer help = CommandLine.executeHelpRequest(parseResult);
    if (help != null) {
      return help;
    }
    CommandLine last = commands.get(commands.size() - 1);
    Optional<UsageException> problem = problem(last);
    if (problem.isPresent()) {
      last.getErr()
          .println(last.getColorScheme().errorText("zonecost: " + problem.get().getMessage()));
      last.getErr().flush();
      return ExitCodes.USAGE;
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  private Optional<UsageException> problem(CommandLine last) {
    Object command = last.getCommandSpec().userObject();
    if (command instanceof CommandLine.HelpCommand
        || command instanceof AutoComplete.GenerateCompletion
        || command instanceof PluginCompletion) {
      return Optional.empty();
    }
    if (broken != null) {
      return Optional.of(broken);
    }
    // config view shows another command's settings, so that command's problem is its own.
    String name = command instanceof ConfigCommand.View view ? view.command : last.getCommandName();
    return defaults.problem(name);
  }

  /**
   * {@code kubectl zonecost completion}: picocli's script for the name "kubectl zonecost" would
   * register itself for kubectl, over kubectl's own; say what completes the plugin instead.
   */
  private static boolean kubectlCompletion(CommandLine last) {
    if (!(last.getCommandSpec().userObject() instanceof AutoComplete.GenerateCompletion)
        || !last.getCommandSpec().root().name().contains(" ")
        || last.isUsageHelpRequested()) {
      return false;
    }
    last.getErr()
        .println(
            "zonecost: kubectl zonecost completes through kubectl's own completion (source"
                + " <(kubectl completion bash)), which runs kubectl_complete-zonecost from PATH"
                + " (in the release's bin/); `zonecost completion` prints the script for"
                + " zonecost");
    last.getErr().flush();
    return true;
  }
}
