package dev.zonecost.cli;

import dev.zonecost.UsageException;
import dev.zonecost.config.ConfigFile;
import dev.zonecost.config.ConfigLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/** Builds the command line with its subcommands and handlers; tests use it with their own clock. */
public final class Cli {
  private Cli() {}

  public static CommandLine create(Clock clock) {
    CommandLine cl = new CommandLine(new ZonecostCommand());
    cl.addSubcommand(new ReportCommand(clock));
    cl.addSubcommand(new CheckCommand(clock));
    cl.addSubcommand(new QueryCommand(clock));
    cl.addSubcommand(new DoctorCommand(clock));
    cl.addSubcommand(new SimulateCommand(clock));
    cl.addSubcommand(new ConfigCommand());
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ParameterErrorHandler());
    return cl;
  }

  /**
   * Runs zonecost: finds and checks the config file, then parses and executes the arguments.
   *
   * @param env the environment (for the config file's location and the precedence rules)
   * @param workingDir where {@code ./zonecost.yaml} is looked for
   */
  public static int execute(
      Clock clock,
      Map<String, String> env,
      Path workingDir,
      PrintWriter out,
      PrintWriter err,
      String... args) {
    CommandLine cl = create(clock);
    cl.setOut(out);
    cl.setErr(err);
    try {
      ConfigFile file =
          ConfigLocator.locate(ConfigLocator.explicitPath(args), workingDir, env)
              .map(ConfigFile::load)
              .orElse(ConfigFile.NONE);
      ConfigDefaults defaults = new ConfigDefaults(file, env);
      defaults.validate(cl.getCommandSpec());
      cl.setDefaultValueProvider(defaults);
    } catch (UsageException e) {
      err.println(cl.getColorScheme().errorText("zonecost: " + e.getMessage()));
      err.flush();
      return ExitCodes.USAGE;
    }
    return cl.execute(args);
  }
}
