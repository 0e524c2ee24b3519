package dev.zonecost.cli;

import dev.zonecost.common.UsageException;
import dev.zonecost.config.ConfigFile;
import dev.zonecost.config.ConfigLocator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Builds the command line with its subcommands and handlers; tests use it with their own clock. */
public final class Cli {
  private Cli() {}

  /** Set by the launchers: the command as the user typed it ({@code kubectl zonecost}). */
  public static final String INVOKED_AS = "ZONECOST_COMMAND";

  public static CommandLine create(Clock clock, Environment env) {
    CommandLine cl = new CommandLine(new ZonecostCommand());
    cl.addSubcommand(new ReportCommand(clock, env));
    cl.addSubcommand(new CheckCommand(clock, env));
    cl.addSubcommand(new AdviseCommand(clock, env));
    cl.addSubcommand(new ReconcileCommand(clock, env));
    cl.addSubcommand(new QueryCommand(clock));
    cl.addSubcommand(new RulesCommand());
    cl.addSubcommand(new DashboardCommand());
    cl.addSubcommand(new DoctorCommand(clock, env));
    cl.addSubcommand(new SimulateCommand(clock));
    cl.addSubcommand(new ConfigCommand());
    cl.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.addSubcommand(new PluginCompletion());
    CommandSpec completion = cl.getSubcommands().get("completion").getCommandSpec();
    completion.name("completion").usageMessage().description(CompletionHelp.DESCRIPTION);
    for (CommandLine sub : cl.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.userObject() instanceof CommandLine.HelpCommand
          || spec.userObject() instanceof PluginCompletion) {
        continue;
      }
      spec.mixinStandardHelpOptions(true).versionProvider(new VersionProvider());
      sub.getSubcommands()
          .values()
          .forEach(
              s ->
                  s.getCommandSpec()
                      .mixinStandardHelpOptions(true)
                      .versionProvider(new VersionProvider()));
    }
    LowerCaseValues.TYPES.forEach(t -> LowerCaseValues.register(cl, t));
    // The launchers say how zonecost was run (kubectl zonecost, scripts/zonecost): help and
    // completion name it so.
    String invokedAs = env.variables().get(INVOKED_AS);
    if (invokedAs != null && !invokedAs.isBlank()) {
      cl.setCommandName(invokedAs.strip());
    }
    HelpLayout.install(cl);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ParameterErrorHandler());
    return cl;
  }

  /**
   * Runs zonecost: finds and checks the config file, then parses and executes the arguments. A
   * broken config file fails every command but help, version and completion, naming file and line.
   *
   * @param env the environment (the config file's location, the precedence rules, the back end)
   * @param workingDir where {@code ./zonecost.yaml} is looked for
   */
  public static int execute(
      Clock clock,
      Environment env,
      Path workingDir,
      PrintWriter out,
      PrintWriter err,
      String... args) {
    CommandLine cl = create(clock, env);
    cl.setOut(out);
    cl.setErr(err);
    try {
      ConfigFile file =
          ConfigLocator.locate(ConfigLocator.explicitPath(args), workingDir, env.variables())
              .map(ConfigFile::load)
              .orElse(ConfigFile.NONE);
      ConfigDefaults defaults = new ConfigDefaults(file, env.variables());
      defaults.validate(cl.getCommandSpec());
      cl.setDefaultValueProvider(defaults);
      cl.setExecutionStrategy(new ConfigGuard(null, defaults));
    } catch (UsageException broken) {
      cl.setExecutionStrategy(new ConfigGuard(broken, null));
    }
    return guarded(cl, args);
  }

  /**
   * Executes; an OutOfMemoryError (an Error, so picocli passes it by its exception handler) ends in
   * one line and exit 1.
   */
  static int guarded(CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      PrintWriter err = cl.getErr();
      err.println("zonecost: " + OutOfMemory.message());
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }

  /** With the process environment; {@code Main} calls this. */
  public static int execute(
      Clock clock, Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
    return execute(clock, Environment.of(env), Path.of(""), out, err, args);
  }
}
