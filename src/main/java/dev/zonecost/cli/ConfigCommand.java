package dev.zonecost.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Shows the settings zonecost takes from the config file and the environment.",
    subcommands = {ConfigCommand.View.class})
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: try 'zonecost config view'");
  }

  @Command(
      name = "view",
      description = {
        "Prints the effective settings of a command, each with where it comes from (environment,"
            + " config file and line, or default), the defaults a command fills in when it runs,"
            + " secrets only as set or unset. Flags given to that command"
            + " still win over all of these."
      },
      footer = {
        "  zonecost config view",
        "  zonecost --config ci.yaml config view --command check"
      })
  static final class View implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--command",
        paramLabel = "NAME",
        defaultValue = "report",
        description = "Whose settings to show (default: ${DEFAULT-VALUE}).")
    String command;

    @Override
    public Integer call() {
      CommandLine root = spec.root().commandLine();
      CommandLine target = root.getSubcommands().get(command);
      if (target == null || command.equals("config")) {
        throw new dev.zonecost.common.UsageException(
            "no command '" + command + "' to show settings of");
      }
      ConfigDefaults defaults = (ConfigDefaults) root.getDefaultValueProvider();
      try {
        target.parseArgs(); // applies env, file and built-in defaults to the options
      } catch (CommandLine.ParameterException requiredOptionMissing) {
        // defaults are applied before required options are checked
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "# effective settings of 'zonecost %s'%s; flags override them%n",
          command,
          defaults == null || defaults.file().path() == null
              ? " (no config file)"
              : " (config file " + defaults.file().path() + ")");
      for (OptionSpec o : target.getCommandSpec().options()) {
        String key = ConfigDefaults.key(o);
        if (o.usageHelp() || o.versionHelp() || key.equals("config") || key.equals("verbose")) {
          continue;
        }
        Optional<String> source = defaults == null ? Optional.empty() : defaults.source(command, o);
        out.println(EffectiveSetting.line(command, key, o, source));
      }
      return ExitCodes.OK;
    }
  }
}
