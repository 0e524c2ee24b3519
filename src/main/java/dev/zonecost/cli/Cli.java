package dev.zonecost.cli;

import java.time.Clock;
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
    cl.addSubcommand(new SimulateCommand(clock));
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ParameterErrorHandler());
    return cl;
  }
}
