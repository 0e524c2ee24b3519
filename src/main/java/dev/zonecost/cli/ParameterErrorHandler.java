package dev.zonecost.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A mistyped command line gets one line, a suggestion when one is close, and a pointer to help. */
final class ParameterErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("zonecost: " + ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.printf("Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
    err.flush();
    return ExitCodes.USAGE;
  }
}
