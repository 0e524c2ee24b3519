package dev.zonecost.cli;

import dev.zonecost.common.NoDataException;
import dev.zonecost.common.UsageException;
import dev.zonecost.prometheus.BackendException;
import dev.zonecost.prometheus.PrometheusApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps every failure to one line on stderr and an exit code; stack traces only with --verbose. */
public final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean verbose = VerboseOption.of(cmd);
    int code;
    String message;
    if (OutOfMemory.in(ex)) {
      // Wrapped by a pool or a stream; the stack trace would say nothing the line does not.
      err.println(cmd.getColorScheme().errorText("zonecost: " + OutOfMemory.message()));
      err.flush();
      return ExitCodes.INTERNAL;
    }
    if (ex instanceof UsageException) {
      code = ExitCodes.USAGE;
      message = ex.getMessage();
    } else if (ex instanceof BackendException) {
      code = ExitCodes.BACKEND;
      message = ex.getMessage();
    } else if (ex instanceof NoDataException) {
      code = ExitCodes.NO_DATA;
      message = ex.getMessage();
    } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      code = ExitCodes.USAGE;
      message = "cannot write output: " + rootMessage(ex);
    } else {
      code = ExitCodes.INTERNAL;
      message =
          "internal error: "
              + ex
              + (verbose ? "" : " (this is a bug; run again with --verbose for the stack trace)");
    }
    err.println(cmd.getColorScheme().errorText("zonecost: " + message));
    if (verbose) {
      if (ex instanceof PrometheusApiException api && api.query() != null) {
        err.println("zonecost: the query was: " + api.query());
      }
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    // Plain words, not Java's class names ("java.nio.file.NoSuchFileException: x").
    if (c instanceof java.nio.file.NoSuchFileException f) {
      return f.getFile() + ": no such file or directory";
    }
    if (c instanceof java.nio.file.AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (c instanceof java.nio.file.FileSystemException f) {
      return f.getFile() + (f.getReason() == null ? "" : ": " + f.getReason());
    }
    return c.getMessage() == null ? "an I/O error" : c.getMessage();
  }
}
