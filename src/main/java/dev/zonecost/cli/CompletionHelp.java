package dev.zonecost.cli;

/** The help of {@code completion}: picocli's own text names its class's default name. */
final class CompletionHelp {
  static final String[] DESCRIPTION = {
    "Prints a bash/zsh completion script for zonecost's commands, options and option values.",
    "To use it in the current shell: source <(zonecost completion)"
  };

  private CompletionHelp() {}
}
