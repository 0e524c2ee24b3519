package dev.zonecost.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** --verbose: stack traces on errors, the client's settings and the server's infos. */
public final class VerboseOption {
  @Option(
      names = {"-v", "--verbose"},
      description = "On error, print the stack trace too.")
  boolean verbose;

  /** Whether the command that ran has this mixin and it was set. */
  static boolean of(CommandLine cmd) {
    for (CommandSpec mixin : cmd.getCommandSpec().mixins().values()) {
      if (mixin.userObject() instanceof VerboseOption v) {
        return v.verbose;
      }
    }
    return false;
  }
}
