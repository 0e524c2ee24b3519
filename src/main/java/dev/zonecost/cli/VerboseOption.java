package dev.zonecost.cli;

import picocli.CommandLine.Option;

/** --verbose: stack traces on errors. Read by {@link ErrorHandler} from the raw arguments. */
public final class VerboseOption {
  @Option(
      names = {"-v", "--verbose"},
      description = "On error, print the stack trace too.")
  boolean verbose;
}
